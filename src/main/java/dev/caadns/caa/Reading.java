package dev.caadns.caa;

/**
 * How one CA implementation reads CAA where RFC 8659/8657 leave room or where it departs from them
 * (digest §12). The decision algorithm is the same for every reading.
 */
interface Reading {

    /** Short name used in reports, e.g. "RFC 8659" or "Boulder". */
    String name();

    /** Whether the property blocks issuance when its tag is not understood. */
    boolean critical(CaaProperty property);

    /** Whether this CA understands the tag (so a critical flag on it changes nothing). */
    boolean understands(PropertyTag tag);

    /** The issuer and parameters; a malformed value authorises nobody. */
    IssueValue parse(CaaProperty property);

    boolean issuerMatches(String published, String caIssuerDomain);

    /** Whether a published parameter tag is the RFC 8657 parameter {@code canonical}. */
    boolean parameterIs(String published, String canonical);

    /** Whether NXDOMAIN at a single-label name (a TLD) is a lookup error rather than "empty". */
    boolean tldNxdomainIsError();
}
