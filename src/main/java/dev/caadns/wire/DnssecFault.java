package dev.caadns.wire;

/**
 * How a reply's DNSSEC records are broken on purpose (a lab fault rule), so a validating resolver
 * finds the answer bogus. Set on the {@link Response} before the answer path runs.
 */
public enum DnssecFault {
    NONE,
    /** Signatures whose validity ended days ago. */
    RRSIG_EXPIRED,
    /** Signatures whose validity starts days from now. */
    RRSIG_NOT_YET_VALID,
    /** No signatures at all. */
    RRSIG_MISSING,
    /** Signatures with bytes flipped. */
    RRSIG_BOGUS,
    /** Signatures made with a key that is not in the zone's DNSKEY set. */
    RRSIG_WRONG_KEY,
    /** The DNSKEY RRset left out of DNSKEY answers. */
    DNSKEY_MISSING,
    /** A DS whose digest matches no key of the child. */
    DS_MISMATCH,
    /** Negative answers without their NSEC proof. */
    NSEC_MISSING
}
