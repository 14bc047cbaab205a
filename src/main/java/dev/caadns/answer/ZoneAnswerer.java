package dev.caadns.answer;

import dev.caadns.wire.Query;
import dev.caadns.wire.Response;
import dev.caadns.zone.Node;
import dev.caadns.zone.RRset;
import dev.caadns.zone.WireName;
import dev.caadns.zone.ZoneIndex;
import java.util.function.Supplier;

/**
 * The last link of the chain: answers from zone data, following RFC 1034 §4.3.2 as NSD's answer.c
 * does, with one method per outcome: answer, CNAME chain, wildcard, DNAME, referral, NODATA,
 * NXDOMAIN, REFUSED. CNAME and DNAME targets are chased inside the same zone only, as NSD and Knot do.
 *
 * <p>For a signed zone and a query with DO set, each outcome adds what a validator needs (RFC 4035
 * §3.1): the RRSIGs of every authoritative RRset, the NSEC or NSEC3 records of a negative or
 * wildcard answer, and in a referral the DS or the proof that there is none. Without DO nothing is added.
 */
public final class ZoneAnswerer implements QueryHandler {
    static final int A = 1;
    static final int NS = 2;
    static final int CNAME = 5;
    static final int MX = 15;
    static final int SRV = 33;
    static final int SOA = 6;
    static final int AAAA = 28;
    static final int DNAME = 39;
    static final int DS = 43;
    static final int DNSKEY = 48;
    static final int IXFR = 251;
    static final int AXFR = 252;
    static final int MAILB = 253;
    static final int MAILA = 254;
    static final int ANY = 255;
    private static final int CLASS_IN = 1;
    /** Longest CNAME/DNAME chain followed, against loops NSD and Knot also cut short. */
    private static final int MAX_CHAIN = 12;
    private static final int MAX_NAME = 255;

    private final Supplier<ZoneSet> zones;
    private final ZoneSynthesis synthesis;

    public ZoneAnswerer(Supplier<ZoneSet> zones) {
        this(zones, ZoneSynthesis.NONE);
    }

    /** @param synthesis data a plugin adds to the zones (CAA templates), answered as if written in them */
    public ZoneAnswerer(Supplier<ZoneSet> zones, ZoneSynthesis synthesis) {
        this.zones = zones;
        this.synthesis = synthesis;
    }

    @Override
    public void handle(Query q, Response r) {
        if (q.dnsClass() != CLASS_IN) {
            refused(r);
            return;
        }
        if (q.type() == MAILA || q.type() == MAILB) {
            r.rcode(Response.NOTIMP);
            return;
        }
        ZoneSet set = zones.get();
        ZoneIndex zone = set.find(q.name(), 0, q.nameLength());
        if (zone == null || q.type() == AXFR || q.type() == IXFR) {
            refused(r);
            return;
        }
        if (q.type() == DS && zone.origin().length == q.nameLength()) {
            // DS lives on the parent side of a cut (RFC 4035 §3.1.4.1): answer from the parent if we serve it.
            ZoneIndex parent = set.parentOf(zone);
            if (parent != null) {
                zone = parent;
            }
        }
        r.authoritative(true);
        resolve(zone, set.signed(zone), q, r, q.name(), 0, q.nameLength(), null, 0);
        if (r.rcode() == Response.NXDOMAIN && set.isImplicit(zone)) {
            // In an implicit lab zone every name exists, as in challtestsrv: a name that gets the
            // default address for A must not be NXDOMAIN for CAA (RFC 8020). The SOA stays in authority.
            r.rcode(Response.NOERROR);
        }
    }

    /**
     * Answers for the name at name[off, off+len) inside zone. owner is null for the question name (the
     * writer points at the question), else the alias target being chased, which is also name itself
     * (starting at off: a target is read in place from its CNAME's records).
     */
    private void resolve(ZoneIndex zone, SignedZone s, Query q, Response r, byte[] name, int off, int len,
                         byte[] owner, int depth) {
        Node node = zone.find(name, off, len);
        if (node != null) {
            if (node.cut() != null) {
                aboveCut(zone, s, q, r, node.cut(), name, off, len, owner, depth);
            } else if (node.isDelegation() && q.type() != DS) {
                referral(zone, s, q, r, node, depth);
            } else {
                answerAt(zone, s, q, r, node, owner == null ? null : node.owner(), 0, depth);
            }
            return;
        }
        Node encloser = closestEncloser(zone, name, off, len);
        if (encloser.cut() != null) {
            aboveCut(zone, s, q, r, encloser.cut(), name, off, len, owner, depth);
        } else if (encloser.isDelegation()) {
            referral(zone, s, q, r, encloser, depth);
        } else if (encloser.get(DNAME) != null) {
            dname(zone, s, q, r, encloser, name, off, len, owner, depth);
        } else if (synthesis.exists(zone, name, off, len)) {
            synthesizedName(zone, s, q, r, name, off, len, owner, off);
        } else if (encloser.wildcard() != null) {
            wildcard(zone, s, q, r, encloser.wildcard(), name, off, len, owner, depth);
        } else {
            nxdomain(zone, s, q, r, encloser, name, off, len);
        }
    }

    private static Node closestEncloser(ZoneIndex zone, byte[] name, int off, int len) {
        int end = off + len;
        for (int p = off + (name[off] & 0xff) + 1; ; p += (name[p] & 0xff) + 1) {
            Node node = zone.find(name, p, end - p);
            if (node != null) {
                return node;
            }
        }
    }

    private void aboveCut(ZoneIndex zone, SignedZone s, Query q, Response r, Node cut, byte[] name, int off,
                          int len, byte[] owner, int depth) {
        if (cut.isDelegation()) {
            referral(zone, s, q, r, cut, depth);
        } else {
            dname(zone, s, q, r, cut, name, off, len, owner, depth);
        }
    }

    /** The name exists (or a wildcard stands for it): its RRset, a CNAME to follow, or NODATA. */
    /** owner[ownerOff...] is the owner to write, or owner is null for the question name. */
    private void answerAt(ZoneIndex zone, SignedZone s, Query q, Response r, Node node, byte[] owner, int ownerOff,
                          int depth) {
        if (q.type() == ANY) {
            anyQuery(zone, s, q, r, node, owner, ownerOff);
            return;
        }
        RRset set = s == null ? null : s.rrset(node, q.type(), r);
        if (set == null) {
            set = node.get(q.type());
        }
        if (set == null) {
            set = synthesis.rrset(zone, node, node.name(), 0, node.name().length, q.type(), r);
        }
        if (set != null) {
            answer(zone, s, q, r, set, owner, ownerOff, node.name(), 0, node.name().length);
            return;
        }
        RRset cname = node.get(CNAME);
        if (cname != null) {
            cnameChain(zone, s, q, r, cname, owner, ownerOff, node, depth);
            return;
        }
        nodata(zone, s, q, r, node, node.name(), 0, node.name().length);
    }

    /** signedAs[off, off+len) is the lowercase name the RRset's signatures were made for. */
    private void answer(ZoneIndex zone, SignedZone s, Query q, Response r, RRset set, byte[] owner, int ownerOff,
                        byte[] signedAs, int off, int len) {
        r.answer().add(owner, ownerOff, set, proofs(s, q) ? s.signatures(set, signedAs, off, len, r) : null);
        additionalFor(zone, r, set);
    }

    /** True when the reply carries DNSSEC records: a signed zone and DO set (RFC 4035 §3.2.1). */
    private static boolean proofs(SignedZone s, Query q) {
        return s != null && q.dnssecOk();
    }

    /** RFC 8482: one RRset is enough for ANY; NSD and Knot do the same for minimal responses. */
    private void anyQuery(ZoneIndex zone, SignedZone s, Query q, Response r, Node node, byte[] owner,
                          int ownerOff) {
        byte[] name = node.name();
        if (node.isEmptyNonTerminal()) {
            RRset synthesized = synthesis.rrset(zone, node, name, 0, name.length, ANY, r);
            if (synthesized == null) {
                nodata(zone, s, q, r, node, name, 0, name.length);
            } else {
                answer(zone, s, q, r, synthesized, owner, ownerOff, name, 0, name.length);
            }
            return;
        }
        RRset cname = node.get(CNAME);
        answer(zone, s, q, r, cname != null ? cname : node.firstRRset(), owner, ownerOff, name, 0, name.length);
    }

    /** A name that exists only by synthesis: what is synthesized there, NODATA for anything else. */
    private void synthesizedName(ZoneIndex zone, SignedZone s, Query q, Response r, byte[] name, int off, int len,
                                 byte[] owner, int ownerOff) {
        RRset synthesized = synthesis.rrset(zone, null, name, off, len, q.type(), r);
        if (synthesized == null) {
            nodata(zone, s, q, r, null, name, off, len);
        } else {
            answer(zone, s, q, r, synthesized, owner, ownerOff, name, off, len);
        }
    }

    private void cnameChain(ZoneIndex zone, SignedZone s, Query q, Response r, RRset cname, byte[] owner,
                            int ownerOff, Node node, int depth) {
        if (r.answer().contains(cname) || depth >= MAX_CHAIN) {
            return;
        }
        r.answer().add(owner, ownerOff, cname,
                proofs(s, q) ? s.signatures(cname, node.name(), 0, node.name().length, r) : null);
        follow(zone, s, q, r, cname.data(), cname.firstRecord() + 2, depth);
    }

    /**
     * Continues with the alias target at target[off...] when it lies in this zone; outside it the
     * client goes on alone.
     */
    private void follow(ZoneIndex zone, SignedZone s, Query q, Response r, byte[] target, int off, int depth) {
        int targetLength = WireName.length(target, off);
        int originLength = zone.origin().length;
        if (targetLength < originLength
                || zone.find(target, off + targetLength - originLength, originLength) != zone.apex()) {
            return;
        }
        resolve(zone, s, q, r, target, off, targetLength, target, depth + 1);
    }

    /**
     * RFC 4592: the wildcard's records, owned by the name asked for (never by the star). Signed, the
     * proof that no closer match exists goes along (RFC 4035 §3.1.3.3).
     */
    private void wildcard(ZoneIndex zone, SignedZone s, Query q, Response r, Node star, byte[] name, int off,
                          int len, byte[] owner, int depth) {
        int answered = r.answer().count();
        answerAt(zone, s, q, r, star, owner, off, depth);
        if (proofs(s, q)) {
            int encloser = off + len - (star.name().length - 2);
            addProof(s, r, s.wildcardProof(name, off, len, encloser, r.answer().count() == answered, r));
        }
    }

    /** RFC 6672: the DNAME, a CNAME synthesized from it, and the chase of the new name. */
    private void dname(ZoneIndex zone, SignedZone s, Query q, Response r, Node dnameNode, byte[] name, int off,
                       int len, byte[] owner, int depth) {
        RRset dname = dnameNode.get(DNAME);
        byte[] dnameName = dnameNode.name();
        if (q.type() == DNAME && len == dnameName.length) {
            answer(zone, s, q, r, dname, owner, off, dnameName, 0, dnameName.length);
            return;
        }
        if (depth >= MAX_CHAIN || r.answer().contains(dname)) {
            return;
        }
        // the synthesized CNAME goes unsigned: validators derive it from the signed DNAME (RFC 6672 §5.3.1)
        r.answer().add(dnameNode.owner(), dname,
                proofs(s, q) ? s.signatures(dname, dnameName, 0, dnameName.length, r) : null);
        byte[] target = dname.data();
        int targetAt = dname.firstRecord() + 2;
        int prefix = len - dnameNode.name().length;
        int targetLength = WireName.length(target, targetAt);
        if (prefix + targetLength > MAX_NAME) {
            r.rcode(Response.YXDOMAIN);
            return;
        }
        byte[] synthesized = new byte[prefix + targetLength];
        System.arraycopy(name, off, synthesized, 0, prefix);
        System.arraycopy(target, targetAt, synthesized, prefix, targetLength);
        RRset cname = new RRset(null, CNAME, dname.ttl(), new byte[][] {synthesized});
        r.answer().add(owner, off, cname, null);
        if (q.type() != CNAME) {
            follow(zone, s, q, r, synthesized, 0, depth);
        }
    }

    /**
     * RFC 1034 §4.3.2 step 3b: NS of the cut in authority, glue in additional, AA clear. From a signed
     * zone with DO, the DS and its RRSIGs, or the NSEC at the cut that proves there is no DS (RFC
     * 4035 §3.1.4), or the NSEC3 (RFC 5155 §7.2.7): the NS and the glue are never signed on the parent side.
     */
    private void referral(ZoneIndex zone, SignedZone s, Query q, Response r, Node cut, int depth) {
        if (depth == 0) {
            r.authoritative(false);
        }
        RRset ns = cut.get(NS);
        r.authority().add(ns.owner(), ns);
        if (proofs(s, q)) {
            RRset ds = s.rrset(cut, DS, r);
            if (ds == null) {
                ds = cut.get(DS);
            }
            if (ds != null) {
                r.authority().add(ds.owner(), ds, s.signatures(ds, cut.name(), 0, cut.name().length, r));
            } else {
                addProof(s, r, s.noDataProof(cut, cut.name(), 0, cut.name().length, r));
            }
        }
        additionalFor(zone, r, ns);
    }

    /** The SOA for negative caching; signed, the proof that the name lacks the type. */
    private static void nodata(ZoneIndex zone, SignedZone s, Query q, Response r, Node node, byte[] name,
                               int off, int len) {
        negativeSoa(zone, s, q, r);
        if (proofs(s, q)) {
            addProof(s, r, s.noDataProof(node, name, off, len, r));
        }
    }

    /** RFC 4035 §3.1.3.2, RFC 5155 §7.2.2: the proof that neither the name nor a wildcard could answer. */
    private void nxdomain(ZoneIndex zone, SignedZone s, Query q, Response r, Node encloser, byte[] name,
                                 int off, int len) {
        r.rcode(Response.NXDOMAIN);
        negativeSoa(zone, s, q, r);
        if (proofs(s, q)) {
            addProof(s, r, s.nameErrorProof(name, off, len, encloserStart(zone, name, off, len, encloser), r));
        }
    }

    /**
     * Where the closest encloser starts in name: the nearest ancestor that exists, in the zone or
     * only by synthesis (which the index's encloser does not know of).
     */
    private int encloserStart(ZoneIndex zone, byte[] name, int off, int len, Node encloser) {
        int end = off + len;
        int p = off + (name[off] & 0xff) + 1;
        while (end - p > encloser.name().length && !synthesis.exists(zone, name, p, end - p)) {
            p += (name[p] & 0xff) + 1;
        }
        return p;
    }

    private static void negativeSoa(ZoneIndex zone, SignedZone s, Query q, Response r) {
        RRset soa = zone.negativeSoa();
        byte[] origin = zone.origin();
        r.authority().add(soa.owner(), soa, proofs(s, q) ? s.signatures(soa, origin, 0, origin.length, r) : null);
    }

    /** NSEC or NSEC3 records and their RRSIGs in the authority section, each once. */
    private static void addProof(SignedZone s, Response r, RRset[] proof) {
        for (RRset nsec : proof) {
            if (nsec != null && !r.authority().containsSame(nsec)) {
                r.authority().add(nsec.owner(), nsec, s.signatures(nsec, nsec.owner(), 0, nsec.owner().length, r));
            }
        }
    }

    private static void refused(Response r) {
        r.rcode(Response.REFUSED);
        r.authoritative(false);
    }

    /**
     * A and AAAA of in-zone NS, MX and SRV targets, found by name as the records are read (no list
     * of targets kept per RRset); below a cut only NS targets (glue) count.
     */
    private static void additionalFor(ZoneIndex zone, Response r, RRset set) {
        int type = set.type();
        int nameAt = type == NS ? 0 : type == MX ? 2 : type == SRV ? 6 : -1;
        if (nameAt < 0) {
            return;
        }
        byte[] data = set.data();
        for (int p = set.firstRecord(), end = set.end(); p < end; p += 2 + set.rdlength(p)) {
            int length = set.rdlength(p);
            Node target = length <= nameAt ? null : zone.find(data, p + 2 + nameAt, length - nameAt);
            if (target == null || target.cut() != null && type != NS) {
                continue;
            }
            addAddress(r, target.get(A));
            addAddress(r, target.get(AAAA));
        }
    }

    private static void addAddress(Response r, RRset set) {
        if (set != null && !r.additional().contains(set)) {
            r.additional().add(set.owner(), set);
        }
    }
}
