package dev.caadns.answer;

import dev.caadns.wire.Response;
import dev.caadns.zone.Node;
import dev.caadns.zone.RRset;

/**
 * The DNSSEC side of one served zone (made by the dnssec module beside the zone's index): the records
 * a signer adds, the signatures over what the zone serves, and the NSEC records of authenticated
 * denial. {@link ZoneAnswerer} asks it per outcome, as NSD's answer path adds the proof each outcome
 * needs. Runs on event-loop threads: lookups, no blocking. A {@link Response#dnssecFault()} in force
 * breaks what it hands out on purpose.
 */
public interface SignedZone {
    /** An RRset the signer serves at a node: DNSKEY at the apex, DS for a signed child, NSEC; or null. */
    RRset rrset(Node node, int type, Response response);

    /**
     * The RRSIG RRset over set, served at the lowercase wire name owner[off, off+len) (the question
     * name for a wildcard answer); null when set is not signed (glue, referral NS, a DNAME's CNAME).
     */
    RRset signatures(RRset set, byte[] owner, int off, int len, Response response);

    /**
     * The NSEC at a name that exists (node, or only by synthesis when node is null), which lists its
     * types; null for an empty non-terminal of an NSEC chain, which has no NSEC of its own.
     */
    RRset nsecAt(Node node, byte[] name, int off, int len, Response response);

    /** The NSEC whose owner sorts before the name and whose next name after it (RFC 4034 §6.1). */
    RRset nsecCovering(byte[] name, int off, int len, Response response);
}
