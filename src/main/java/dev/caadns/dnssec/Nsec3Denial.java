package dev.caadns.dnssec;

import dev.caadns.wire.DnssecFault;
import dev.caadns.wire.Response;
import dev.caadns.zone.Node;
import dev.caadns.zone.RRset;
import dev.caadns.zone.ZoneIndex;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;

/**
 * Authenticated denial with NSEC3 (RFC 5155 §7.2): per outcome, the records a validator needs,
 * from the zone's chain; or, in a zone where templates make names up, NSEC3 records made for the
 * one query (white lies, RFC 7129 appendix B, as Knot's onlinesign does): a matching one owned by
 * the name's hash with the next hash one above, a covering one spanning just the hash denied, so no
 * proof ever denies a name that answers.
 */
final class Nsec3Denial {
    static final int NSEC3PARAM = 51;
    private static final RRset[] NONE = new RRset[0];
    private static final int[] NO_TYPES = new int[0];

    /** The types present at a name (in the zone or by synthesis), RRSIG and NSEC3PARAM aside. */
    interface Types {
        List<Integer> at(Node node, byte[] name, int off, int len, Response response);
    }

    private final ZoneIndex index;
    private final Nsec3Params params;
    private final Nsec3Hash hash;
    private final long ttl;
    private final RRset param;
    private final Nsec3Chain chain;
    private final Types types;

    private Nsec3Denial(ZoneIndex index, Nsec3Params params, Nsec3Hash hash, Nsec3Chain chain, Types types) {
        this.index = index;
        this.params = params;
        this.hash = hash;
        this.ttl = index.negativeSoa().ttl();
        this.param = new RRset(index.apex().owner(), NSEC3PARAM, ttl, new byte[][] {Nsec3Chain.paramRdata(hash)});
        this.chain = chain;
        this.types = types;
    }

    /**
     * The chain over the zone's names (every node not below a cut: data, delegations, empty
     * non-terminals), or white lies when online; with the salt of before when it has the same
     * parameters, so a change to the zone remakes only the NSEC3 records it touches.
     */
    static Nsec3Denial of(ZoneIndex index, Nsec3Params params, Nsec3Denial before, boolean online, Types types) {
        Nsec3Hash hash = before != null && before.hash.iterations() == params.iterations()
                && before.hash.salt().length == params.saltLength() ? before.hash : newHash(params);
        if (online) {
            return new Nsec3Denial(index, params, hash, null, types);
        }
        List<Nsec3Chain.Link> links = new ArrayList<>();
        Response scratch = new Response();
        index.forEachNode(node -> {
            if (node.cut() == null) {
                byte[] name = node.name();
                links.add(new Nsec3Chain.Link(hash.hash(name, 0, name.length),
                        listed(index, node, types.at(node, name, 0, name.length, scratch))));
            }
        });
        Nsec3Chain chain = Nsec3Chain.of(links, hash, index.origin(), index.negativeSoa().ttl());
        return new Nsec3Denial(index, params, hash, chain, types);
    }

    private static Nsec3Hash newHash(Nsec3Params params) {
        byte[] salt = new byte[params.saltLength()];
        new java.security.SecureRandom().nextBytes(salt);
        return new Nsec3Hash(salt, params.iterations());
    }

    /**
     * The RRSIGs over the chain's records, in parallel; a record before had too keeps its signatures
     * while they are fresh.
     */
    Map<RRset, RRset> sign(Nsec3Denial before, UnaryOperator<RRset> signedBefore, UnaryOperator<RRset> signer,
                           Predicate<RRset> fresh) {
        RRset[] records = chained();
        RRset[] same = chain == null ? NONE : chain.sameIn(before == null ? null : before.chain);
        RRset[] made = new RRset[records.length];
        IntStream.range(0, records.length).parallel().forEach(i -> {
            RRset kept = same[i] == null ? null : signedBefore.apply(same[i]);
            made[i] = kept != null && fresh.test(kept) ? kept : signer.apply(records[i]);
        });
        Map<RRset, RRset> out = new IdentityHashMap<>();
        for (int i = 0; i < records.length; i++) {
            out.put(records[i], made[i]);
        }
        return out;
    }

    /** What an NSEC3 lists at a name with these types: NSEC3PARAM at the apex, RRSIG where anything is signed. */
    private static int[] listed(ZoneIndex index, Node node, List<Integer> present) {
        List<Integer> out = new ArrayList<>(present);
        if (node == index.apex()) {
            out.add(NSEC3PARAM);
        }
        boolean signed = node != null && node.isDelegation() ? out.contains(ZoneSignatures.DS) : !out.isEmpty();
        if (signed) {
            out.add(ZoneSignatures.RRSIG);
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    Nsec3Params params() {
        return params;
    }

    RRset param() {
        return param;
    }

    /** The chain's records, to sign and to write out; none for a zone denying online. */
    RRset[] chained() {
        return chain == null ? NONE : chain.records();
    }

    /** RFC 5155 §7.2.2: the closest encloser proof (§7.2.1) and the wildcard at the closest encloser covered. */
    RRset[] nameError(byte[] name, int off, int len, int encloser, Response r) {
        if (withheld(r)) {
            return NONE;
        }
        int end = off + len;
        int nextCloser = nextCloser(name, off, encloser);
        byte[] star = ZoneSignatures.wildcardAt(name, encloser, end);
        return new RRset[] {matching(null, name, encloser, end - encloser, r),
            covering(name, nextCloser, end - nextCloser), covering(star, 0, star.length)};
    }

    /** RFC 5155 §7.2.3, §7.2.4, §7.2.8: the NSEC3 matching the name, whose bitmap lacks the type. */
    RRset[] noData(Node node, byte[] name, int off, int len, Response r) {
        return withheld(r) ? NONE : new RRset[] {matching(node, name, off, len, r)};
    }

    /**
     * RFC 5155 §7.2.6: the next closer name covered (the closest encloser a validator reads off the
     * RRSIG's labels); for a wildcard NODATA (§7.2.5) the closest encloser matched as well.
     */
    RRset[] wildcard(byte[] name, int off, int len, int encloser, boolean noData, Response r) {
        if (withheld(r)) {
            return NONE;
        }
        int end = off + len;
        int nextCloser = nextCloser(name, off, encloser);
        RRset covering = covering(name, nextCloser, end - nextCloser);
        return noData ? new RRset[] {matching(null, name, encloser, end - encloser, r), covering}
                : new RRset[] {covering};
    }

    /** The name one label longer than the closest encloser, on the way to name. */
    private static int nextCloser(byte[] name, int off, int encloser) {
        int p = off;
        while (p + (name[p] & 0xff) + 1 < encloser) {
            p += (name[p] & 0xff) + 1;
        }
        return p;
    }

    private RRset matching(Node node, byte[] name, int off, int len, Response r) {
        byte[] digest = hash.hash(name, off, len);
        if (chain != null) {
            return chain.matching(digest);
        }
        Node at = node != null ? node : index.find(name, off, len);
        return Nsec3Chain.record(hash, index.origin(), ttl, digest, Nsec3Hash.step(digest, 1),
                listed(index, at, types.at(at, name, off, len, r)));
    }

    private RRset covering(byte[] name, int off, int len) {
        byte[] digest = hash.hash(name, off, len);
        if (chain != null) {
            return chain.covering(digest);
        }
        return Nsec3Chain.record(hash, index.origin(), ttl, Nsec3Hash.step(digest, -1), Nsec3Hash.step(digest, 1),
                NO_TYPES);
    }

    private static boolean withheld(Response r) {
        return r.dnssecFault() == DnssecFault.NSEC_MISSING;
    }
}
