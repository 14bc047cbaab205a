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
 */
public final class ZoneAnswerer implements QueryHandler {
    static final int A = 1;
    static final int NS = 2;
    static final int CNAME = 5;
    static final int SOA = 6;
    static final int AAAA = 28;
    static final int DNAME = 39;
    static final int DS = 43;
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
        resolve(zone, q, r, q.name(), 0, q.nameLength(), null, 0);
        if (r.rcode() == Response.NXDOMAIN && set.isImplicit(zone)) {
            // In an implicit lab zone every name exists, as in challtestsrv: a name that gets the
            // default address for A must not be NXDOMAIN for CAA (RFC 8020). The SOA stays in authority.
            r.rcode(Response.NOERROR);
        }
    }

    /**
     * Answers for the name at name[off, off+len) inside zone. owner is null for the question name (the
     * writer points at the question), else the alias target being chased, which is also name itself.
     */
    private void resolve(ZoneIndex zone, Query q, Response r, byte[] name, int off, int len, byte[] owner,
                         int depth) {
        Node node = zone.find(name, off, len);
        if (node != null) {
            if (node.cut() != null) {
                aboveCut(zone, q, r, node.cut(), name, off, len, owner, depth);
            } else if (node.isDelegation() && q.type() != DS) {
                referral(r, node, depth);
            } else {
                answerAt(zone, q, r, node, owner == null ? null : node.owner(), depth);
            }
            return;
        }
        Node encloser = closestEncloser(zone, name, off, len);
        if (encloser.cut() != null) {
            aboveCut(zone, q, r, encloser.cut(), name, off, len, owner, depth);
        } else if (encloser.isDelegation()) {
            referral(r, encloser, depth);
        } else if (encloser.get(DNAME) != null) {
            dname(zone, q, r, encloser, name, off, len, owner, depth);
        } else if (synthesis.exists(zone, name, off, len)) {
            synthesizedName(zone, q, r, name, off, len, owner);
        } else if (encloser.wildcard() != null) {
            wildcard(zone, q, r, encloser.wildcard(), owner, depth);
        } else {
            nxdomain(zone, r);
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

    private void aboveCut(ZoneIndex zone, Query q, Response r, Node cut, byte[] name, int off, int len,
                          byte[] owner, int depth) {
        if (cut.isDelegation()) {
            referral(r, cut, depth);
        } else {
            dname(zone, q, r, cut, name, off, len, owner, depth);
        }
    }

    /** The name exists (or a wildcard stands for it): its RRset, a CNAME to follow, or NODATA. */
    private void answerAt(ZoneIndex zone, Query q, Response r, Node node, byte[] owner, int depth) {
        if (q.type() == ANY) {
            anyQuery(zone, r, node, owner);
            return;
        }
        RRset set = node.get(q.type());
        if (set == null) {
            set = synthesis.rrset(zone, node, node.name(), 0, node.name().length, q.type(), r);
        }
        if (set != null) {
            answer(r, set, owner);
            return;
        }
        RRset cname = node.get(CNAME);
        if (cname != null) {
            cnameChain(zone, q, r, cname, owner, depth);
            return;
        }
        nodata(zone, r);
    }

    private void answer(Response r, RRset set, byte[] owner) {
        r.answer().add(owner, set);
        additionalFor(r, set);
    }

    /** RFC 8482: one RRset is enough for ANY; NSD and Knot do the same for minimal responses. */
    private void anyQuery(ZoneIndex zone, Response r, Node node, byte[] owner) {
        if (node.isEmptyNonTerminal()) {
            RRset synthesized = synthesis.rrset(zone, node, node.name(), 0, node.name().length, ANY, r);
            if (synthesized == null) {
                nodata(zone, r);
            } else {
                answer(r, synthesized, owner);
            }
            return;
        }
        RRset cname = node.get(CNAME);
        answer(r, cname != null ? cname : node.rrsets()[0], owner);
    }

    /** A name that exists only by synthesis: what is synthesized there, NODATA for anything else. */
    private void synthesizedName(ZoneIndex zone, Query q, Response r, byte[] name, int off, int len, byte[] owner) {
        RRset synthesized = synthesis.rrset(zone, null, name, off, len, q.type(), r);
        if (synthesized == null) {
            nodata(zone, r);
        } else {
            answer(r, synthesized, owner);
        }
    }

    private void cnameChain(ZoneIndex zone, Query q, Response r, RRset cname, byte[] owner, int depth) {
        if (r.answer().contains(cname) || depth >= MAX_CHAIN) {
            return;
        }
        r.answer().add(owner, cname);
        byte[] target = cname.rdata(0);
        follow(zone, q, r, target, depth);
    }

    /** Continues with an alias target when it lies in this zone; outside it the client goes on alone. */
    private void follow(ZoneIndex zone, Query q, Response r, byte[] target, int depth) {
        int targetLength = WireName.length(target, 0);
        int originLength = zone.origin().length;
        if (targetLength < originLength
                || zone.find(target, targetLength - originLength, originLength) != zone.apex()) {
            return;
        }
        resolve(zone, q, r, target, 0, targetLength, target, depth + 1);
    }

    /** RFC 4592: the wildcard's records, owned by the name asked for (never by the star). */
    private void wildcard(ZoneIndex zone, Query q, Response r, Node star, byte[] owner, int depth) {
        answerAt(zone, q, r, star, owner, depth);
    }

    /** RFC 6672: the DNAME, a CNAME synthesized from it, and the chase of the new name. */
    private void dname(ZoneIndex zone, Query q, Response r, Node dnameNode, byte[] name, int off, int len,
                       byte[] owner, int depth) {
        RRset dname = dnameNode.get(DNAME);
        if (q.type() == DNAME && len == dnameNode.name().length) {
            answer(r, dname, owner);
            return;
        }
        if (depth >= MAX_CHAIN || r.answer().contains(dname)) {
            return;
        }
        r.answer().add(dnameNode.owner(), dname);
        byte[] target = dname.rdata(0);
        int prefix = len - dnameNode.name().length;
        int targetLength = WireName.length(target, 0);
        if (prefix + targetLength > MAX_NAME) {
            r.rcode(Response.YXDOMAIN);
            return;
        }
        byte[] synthesized = new byte[prefix + targetLength];
        System.arraycopy(name, off, synthesized, 0, prefix);
        System.arraycopy(target, 0, synthesized, prefix, targetLength);
        RRset cname = new RRset(null, CNAME, dname.ttl(), new byte[][] {synthesized});
        r.answer().add(owner, cname);
        if (q.type() != CNAME) {
            follow(zone, q, r, synthesized, depth);
        }
    }

    /**
     * RFC 1034 §4.3.2 step 3b: NS of the cut in authority, glue in additional, AA clear. No DS even
     * for DO queries: zones here are unsigned, and NSD and Knot add DS to referrals only from signed zones.
     */
    private void referral(Response r, Node cut, int depth) {
        if (depth == 0) {
            r.authoritative(false);
        }
        RRset ns = cut.get(NS);
        r.authority().add(ns.owner(), ns);
        additionalFor(r, ns);
    }

    private static void nodata(ZoneIndex zone, Response r) {
        RRset soa = zone.negativeSoa();
        r.authority().add(soa.owner(), soa);
    }

    private static void nxdomain(ZoneIndex zone, Response r) {
        r.rcode(Response.NXDOMAIN);
        nodata(zone, r);
    }

    private static void refused(Response r) {
        r.rcode(Response.REFUSED);
        r.authoritative(false);
    }

    /** A and AAAA of in-zone NS, MX and SRV targets; below a cut only NS targets (glue) count. */
    private static void additionalFor(Response r, RRset set) {
        for (Node target : set.additionalTargets()) {
            if (target.cut() != null && set.type() != NS) {
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
