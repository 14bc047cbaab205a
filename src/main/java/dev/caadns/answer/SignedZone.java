package dev.caadns.answer;

import dev.caadns.wire.Response;
import dev.caadns.zone.Node;
import dev.caadns.zone.RRset;
import dev.caadns.zone.ZoneIndex;
import java.util.List;

/**
 * The DNSSEC side of one served zone (made by the dnssec module beside the zone's index): the records
 * a signer adds, the signatures over what the zone serves, and the NSEC or NSEC3 records of
 * authenticated denial. {@link ZoneAnswerer} asks it per outcome, as NSD's answer path adds the proof
 * each outcome needs. Runs on event-loop threads: lookups, no blocking. A {@link Response#dnssecFault()}
 * in force breaks what it hands out on purpose.
 */
public interface SignedZone {
    /** An RRset the signer serves at a node: DNSKEY and NSEC3PARAM at the apex, DS for a signed child, NSEC; or null. */
    RRset rrset(Node node, int type, Response response);

    /**
     * The RRSIG RRset over set, served at the lowercase wire name owner[off, off+len) (the question
     * name for a wildcard answer); null when set is not signed (glue, referral NS, a DNAME's CNAME).
     */
    RRset signatures(RRset set, byte[] owner, int off, int len, Response response);

    /**
     * Proof that a name does not exist (RFC 4035 §3.1.3.2, RFC 5155 §7.2.2): NSEC or NSEC3 records
     * showing that neither it nor the wildcard at its closest encloser name[encloser, off+len) exists.
     * Empty when a fault withholds it.
     */
    RRset[] nameErrorProof(byte[] name, int off, int len, int encloser, Response response);

    /**
     * Proof that a name which exists (node, or only by synthesis when node is null) has no RRset of
     * the type asked (RFC 4035 §3.1.3.1, RFC 5155 §7.2.3, §7.2.4 for an empty non-terminal); at a
     * delegation, that it has no DS (RFC 4035 §3.1.4.1, RFC 5155 §7.2.7 and §7.2.8).
     */
    RRset[] noDataProof(Node node, byte[] name, int off, int len, Response response);

    /**
     * Proof that no name closer than the wildcard's closest encloser name[encloser, off+len) could
     * have answered for name (RFC 4035 §3.1.3.3, RFC 5155 §7.2.6); noData when the wildcard lacks the
     * type asked, whose own proof {@link #noDataProof} gives (RFC 5155 §7.2.5).
     */
    RRset[] wildcardProof(byte[] name, int off, int len, int encloser, boolean noData, Response response);

    /**
     * The zone as a secondary gets it by AXFR/IXFR, signed: every RRset of content (the zone's index
     * with what plugins synthesize written out) and every record the signer adds (the DNSSEC records
     * of whatever kinds it makes: DNSKEY, the children's DS, the denial chain...), each followed by the
     * RRSIG RRset over it. Its denial is a chain over content's names even where queries are denied
     * online: a secondary holds only what is written out. Off the query path; may take its time.
     *
     * @param previous what this returned for the zone's previous version, whose signatures over
     *                 unchanged RRsets are kept (so an IXFR carries only the signatures that changed); or null
     */
    Transferred transferred(ZoneIndex content, Transferred previous);

    /** A signed zone as transferred (the apex SOA included, first). Immutable. */
    interface Transferred {
        /** Every RRset, each RRSIG RRset right after the RRset it covers; the apex SOA first. */
        List<RRset> rrsets();
    }
}
