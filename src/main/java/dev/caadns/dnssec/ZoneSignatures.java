package dev.caadns.dnssec;

import dev.caadns.answer.SignedZone;
import dev.caadns.answer.ZoneSynthesis;
import dev.caadns.wire.DnssecFault;
import dev.caadns.wire.Response;
import dev.caadns.zone.Node;
import dev.caadns.zone.RRset;
import dev.caadns.zone.ZoneIndex;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One zone's DNSSEC side, kept beside its {@link ZoneIndex}: the DNSKEY RRset, DS records for the
 * signed children caadns serves, an RRSIG RRset per authoritative RRset (made off the query path and
 * kept encoded), and the NSEC chain. A zone where templates make names up (RFC 4470) has no chain:
 * each NSEC is made when asked for, covering just the one name, so no proof denies a name that
 * answers. Synthesized data and online NSEC records are signed on first use and cached. A zone
 * configured for NSEC3 denies through {@link Nsec3Denial} instead, chain or white lies alike.
 */
final class ZoneSignatures implements SignedZone {
    static final int NS = 2;
    static final int SOA = 6;
    static final int CNAME = 5;
    static final int DS = 43;
    static final int RRSIG = 46;
    static final int NSEC = 47;
    static final int DNSKEY = 48;
    static final int ANY = 255;
    private static final int ONLINE_CACHE_LIMIT = 100_000;
    private static final int SIGNING_BATCH = 16_384;

    private final ZoneIndex index;
    private final ZoneKeys keys;
    private final SigningPolicy policy;
    private final Clock clock;
    private final ZoneSynthesis synthesis;
    private final byte[] origin;
    private final RRset dnskey;
    private final Map<Node, RRset> childDs;
    private final SignatureTable signatures;
    /** The chain, in canonical order; empty for a zone that denies online. */
    private final byte[][] chainNames;
    private final RRset[] chain;
    private final Map<Node, RRset> nsecByNode;
    private final boolean online;
    private final long nsecTtl;
    private final long earliestExpiration;
    private final Map<ByteBuffer, RRset> onlineCache = new ConcurrentHashMap<>();
    /** The zone's NSEC3 denial, or null when it denies with NSEC. */
    private final Nsec3Denial nsec3;

    private ZoneSignatures(Builder b) {
        this.index = b.index;
        this.keys = b.keys;
        this.policy = b.policy;
        this.clock = b.clock;
        this.synthesis = b.synthesis;
        this.origin = index.origin();
        this.dnskey = b.dnskey;
        this.childDs = b.childDs;
        this.signatures = b.signatures;
        this.chainNames = b.chainNames;
        this.chain = b.chain;
        this.nsecByNode = b.nsecByNode;
        this.online = b.online;
        this.nsecTtl = index.negativeSoa().ttl();
        this.earliestExpiration = b.earliestExpiration;
        this.nsec3 = b.nsec3;
    }

    /**
     * Signs a zone.
     *
     * @param childDs DS RRsets this zone publishes for its signed children, by their lowercase wire names
     * @param previous the same zone's signatures before this change, whose still fresh signatures over
     *                 unchanged RRsets are kept; or null
     * @param nsec3 how the zone's NSEC3 records are made, or null: it denies with NSEC
     */
    static ZoneSignatures sign(ZoneIndex index, ZoneKeys keys, SigningPolicy policy, Clock clock,
                               ZoneSynthesis synthesis, Map<ByteBuffer, RRset> childDs, ZoneSignatures previous,
                               Nsec3Params nsec3) {
        return new Builder(index, keys, policy, clock, synthesis, childDs, previous, nsec3).build();
    }

    ZoneIndex index() {
        return index;
    }

    ZoneKeys keys() {
        return keys;
    }

    /** True when no signature needs remaking and the children's DS records are the same. */
    boolean reusableFor(ZoneIndex next, Map<ByteBuffer, RRset> nextChildDs, Instant now) {
        return next == index && policy.fresh(earliestExpiration, now) && sameDs(nextChildDs);
    }

    private boolean sameDs(Map<ByteBuffer, RRset> other) {
        if (other.size() != childDs.size()) {
            return false;
        }
        for (Map.Entry<ByteBuffer, RRset> e : other.entrySet()) {
            Node node = index.find(e.getKey().array(), 0, e.getKey().array().length);
            RRset mine = node == null ? null : childDs.get(node);
            if (mine == null || !sameContent(mine, e.getValue())) {
                return false;
            }
        }
        return true;
    }

    long earliestExpiration() {
        return earliestExpiration;
    }

    @Override
    public RRset rrset(Node node, int type, Response response) {
        switch (type) {
            case DNSKEY -> {
                return node == index.apex() && response.dnssecFault() != DnssecFault.DNSKEY_MISSING ? dnskey : null;
            }
            case DS -> {
                RRset ds = childDs.get(node);
                if (ds == null) {
                    ds = node.get(DS);
                }
                return ds != null && response.dnssecFault() == DnssecFault.DS_MISMATCH ? mismatched(ds) : ds;
            }
            case NSEC -> {
                return node.cut() == null && nsec3 == null ? nsecAt(node, node.name(), 0, node.name().length, response)
                        : null;
            }
            case Nsec3Denial.NSEC3PARAM -> {
                return node == index.apex() && nsec3 != null ? nsec3.param() : null;
            }
            default -> {
                return null;
            }
        }
    }

    @Override
    public RRset signatures(RRset set, byte[] owner, int off, int len, Response response) {
        DnssecFault fault = response.dnssecFault();
        if (fault == DnssecFault.RRSIG_MISSING) {
            return null;
        }
        RRset sigs = signatures.get(set);
        if (sigs == null) {
            sigs = online(set, owner, off, len);
        }
        return switch (fault) {
            case RRSIG_EXPIRED, RRSIG_NOT_YET_VALID, RRSIG_WRONG_KEY -> broken(fault, set, signedOwner(owner, off, len, sigs));
            case RRSIG_BOGUS -> flipped(sigs);
            default -> sigs;
        };
    }

    private RRset broken(DnssecFault fault, RRset set, byte[] owner) {
        Instant now = clock.instant();
        return switch (fault) {
            case RRSIG_EXPIRED -> signedWith(keysFor(set), set, owner, policy.expiredWindow(now));
            case RRSIG_NOT_YET_VALID -> signedWith(keysFor(set), set, owner, policy.futureWindow(now));
            default -> signedWith(List.of(keys.stray()), set, owner,
                    new long[] {policy.inception(now), policy.expiration(now)});
        };
    }

    /** The owner a signature was made at: the wildcard's for a wildcard answer, as its labels field says. */
    private static byte[] signedOwner(byte[] owner, int off, int len, RRset sigs) {
        byte[] rrsig = sigs.rdata(0);
        int labels = rrsig[3] & 0xff;
        byte[] name = Arrays.copyOfRange(owner, off, off + len);
        lower(name);
        int have = RrsigMaker.labels(name);
        if (labels >= have) {
            return name;
        }
        int p = 0;
        for (int i = 0; i < have - labels; i++) {
            p += (name[p] & 0xff) + 1;
        }
        byte[] star = new byte[len - p + 2];
        star[0] = 1;
        star[1] = '*';
        System.arraycopy(name, p, star, 2, len - p);
        return star;
    }

    private List<ZoneKey> keysFor(RRset set) {
        return set.type() == DNSKEY ? keys.forDnskey() : keys.forData();
    }

    @Override
    public RRset[] nameErrorProof(byte[] name, int off, int len, int encloser, Response response) {
        if (nsec3 != null) {
            return nsec3.nameError(name, off, len, encloser, response);
        }
        byte[] star = wildcardAt(name, encloser, off + len);
        return new RRset[] {nsecCovering(name, off, len, response), nsecCovering(star, 0, star.length, response)};
    }

    /** {@code *.<closest encloser>}, the encloser being name[encloser, end). */
    static byte[] wildcardAt(byte[] name, int encloser, int end) {
        byte[] star = new byte[end - encloser + 2];
        star[0] = 1;
        star[1] = '*';
        System.arraycopy(name, encloser, star, 2, end - encloser);
        return star;
    }

    /** The NSEC at the name, or for an empty non-terminal of an NSEC chain the one covering it. */
    @Override
    public RRset[] noDataProof(Node node, byte[] name, int off, int len, Response response) {
        if (nsec3 != null) {
            return nsec3.noData(node, name, off, len, response);
        }
        RRset nsec = nsecAt(node, name, off, len, response);
        return new RRset[] {nsec != null ? nsec : nsecCovering(name, off, len, response)};
    }

    /** The NSEC covering the name: no closer match exists (RFC 4035 §3.1.3.3). */
    @Override
    public RRset[] wildcardProof(byte[] name, int off, int len, int encloser, boolean noData, Response response) {
        if (nsec3 != null) {
            return nsec3.wildcard(name, off, len, encloser, noData, response);
        }
        return new RRset[] {nsecCovering(name, off, len, response)};
    }

    private RRset nsecAt(Node node, byte[] name, int off, int len, Response response) {
        if (response.dnssecFault() == DnssecFault.NSEC_MISSING) {
            return null;
        }
        if (!online) {
            return node == null ? null : nsecByNode.get(node);
        }
        byte[] next = CanonicalOrder.successor(name, off, len, origin.length);
        byte[] owner = Arrays.copyOfRange(name, off, off + len);
        lower(owner);
        return nsec(owner, next == null ? origin : next, typesAt(node, name, off, len, response));
    }

    private RRset nsecCovering(byte[] name, int off, int len, Response response) {
        if (response.dnssecFault() == DnssecFault.NSEC_MISSING) {
            return null;
        }
        if (!online) {
            return chain[predecessorIndex(name, off)];
        }
        byte[] next = CanonicalOrder.afterSubtree(name, off, len, origin.length);
        byte[] owner = CanonicalOrder.predecessor(name, off, len);
        // the predecessor of \000.x is x, which may exist: its NSEC must list what is there
        int[] types = owner.length < len ? typesAt(index.find(owner, 0, owner.length), owner, 0, owner.length, response)
                : new int[] {RRSIG, NSEC};
        return nsec(owner, next == null ? origin : next, types);
    }

    /** The chain entry sorting last before the name (the last one wraps to the apex: RFC 4034 §4.1.1). */
    private int predecessorIndex(byte[] name, int off) {
        int lo = 0;
        int hi = chainNames.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (CanonicalOrder.compare(chainNames[mid], 0, name, off) <= 0) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    private RRset nsec(byte[] owner, byte[] next, int[] types) {
        return new RRset(owner, NSEC, nsecTtl, new byte[][] {TypeBitmap.nsecRdata(next, types)});
    }

    /** The types an online NSEC lists at an existing or synthesized name. */
    private int[] typesAt(Node node, byte[] name, int off, int len, Response response) {
        List<Integer> types = presentTypes(node, name, off, len, response, index, dnskey, childDs, synthesis);
        types.add(RRSIG);
        types.add(NSEC);
        return types.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The types at an existing or synthesized name, its RRSIG and denial records aside. */
    static List<Integer> presentTypes(Node node, byte[] name, int off, int len, Response response, ZoneIndex index,
                                      RRset dnskey, Map<Node, RRset> childDs, ZoneSynthesis synthesis) {
        List<Integer> types = new ArrayList<>();
        if (node != null) {
            types.addAll(Builder.ownTypes(node, index, dnskey, childDs));
        }
        RRset synthesized = node != null && node.cut() != null ? null
                : synthesis.rrset(index, node, name, off, len, ANY, response);
        if (synthesized != null) {
            types.add(synthesized.type());
        }
        return types;
    }

    /** Signs what was made at query time (synthesized data, online NSEC), once per content. */
    private RRset online(RRset set, byte[] owner, int off, int len) {
        byte[] name = Arrays.copyOfRange(owner, off, off + len);
        lower(name);
        ByteBuffer key = contentKey(name, set);
        Instant now = clock.instant();
        RRset cached = onlineCache.get(key);
        if (cached != null && policy.fresh(expirationOf(cached), now)) {
            return cached;
        }
        RRset made = signedWith(keysFor(set), set, name, new long[] {policy.inception(now), policy.expiration(now)});
        if (onlineCache.size() >= ONLINE_CACHE_LIMIT) {
            onlineCache.clear();
        }
        onlineCache.put(key, made);
        return made;
    }

    private RRset signedWith(List<ZoneKey> with, RRset set, byte[] owner, long[] window) {
        byte[][] rrsigs = new byte[with.size()][];
        for (int i = 0; i < rrsigs.length; i++) {
            rrsigs[i] = RrsigMaker.sign(with.get(i), origin, owner, set.type(), set.ttl(), rdataOf(set),
                    window[0], window[1]);
        }
        return RrsigMaker.rrset(set.owner(), set.ttl(), rrsigs);
    }

    private static RRset flipped(RRset sigs) {
        byte[][] rdata = new byte[sigs.size()][];
        for (int i = 0; i < rdata.length; i++) {
            rdata[i] = sigs.rdata(i).clone();
            rdata[i][rdata[i].length - 1] ^= (byte) 0x5a;
            rdata[i][rdata[i].length - 9] ^= (byte) 0xa5;
        }
        return new RRset(sigs.owner(), RRSIG, sigs.ttl(), rdata);
    }

    private static RRset mismatched(RRset ds) {
        byte[][] rdata = new byte[ds.size()][];
        for (int i = 0; i < rdata.length; i++) {
            rdata[i] = ds.rdata(i).clone();
            rdata[i][rdata[i].length - 1] ^= (byte) 0xff;
        }
        return new RRset(ds.owner(), DS, ds.ttl(), rdata);
    }

    static byte[][] rdataOf(RRset set) {
        byte[][] rdata = new byte[set.size()][];
        for (int i = 0; i < rdata.length; i++) {
            rdata[i] = set.rdata(i);
        }
        return rdata;
    }

    static long expirationOf(RRset rrsigs) {
        byte[] r = rrsigs.rdata(0);
        return ((r[8] & 0xffL) << 24) | ((r[9] & 0xffL) << 16) | ((r[10] & 0xffL) << 8) | (r[11] & 0xffL);
    }

    static boolean sameContent(RRset a, RRset b) {
        if (a.type() != b.type() || a.ttl() != b.ttl() || a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Arrays.equals(a.rdata(i), b.rdata(i))) {
                return false;
            }
        }
        return true;
    }

    private static ByteBuffer contentKey(byte[] owner, RRset set) {
        int size = owner.length + 6;
        for (int i = 0; i < set.size(); i++) {
            size += 2 + set.rdata(i).length;
        }
        ByteBuffer key = ByteBuffer.allocate(size).put(owner).putShort((short) set.type()).putInt((int) set.ttl());
        for (int i = 0; i < set.size(); i++) {
            key.putShort((short) set.rdata(i).length).put(set.rdata(i));
        }
        return key.flip();
    }

    static void lower(byte[] name) {
        for (int i = 0; i < name.length; i++) {
            name[i] = dev.caadns.zone.WireName.toLower(name[i]);
        }
    }

    @Override
    public Transferred transferred(ZoneIndex content, Transferred previous) {
        return new SignedTransfer(forTransfer(content, previous instanceof SignedTransfer t ? t.zone : null));
    }

    /** The signatures of content as transferred; previous: those of the zone's last transfer, or null. */
    ZoneSignatures forTransfer(ZoneIndex content, ZoneSignatures previous) {
        if (content == index && !online) {
            return this;
        }
        // Signed again over what is written out, with a chain over its names: a secondary cannot deny online.
        ZoneSignatures before = previous != null && previous.keys == keys ? previous : this;
        return sign(content, keys, policy, clock, ZoneSynthesis.NONE, childDsByName(), before,
                nsec3 == null ? null : nsec3.params());
    }

    /** A zone's signed RRsets in transfer order, listed when a transfer or a difference asks. */
    private record SignedTransfer(ZoneSignatures zone) implements Transferred {
        @Override
        public List<RRset> rrsets() {
            List<RRset> out = new ArrayList<>();
            zone.forEachSigned((set, sigs) -> {
                out.add(set);
                if (sigs != null) {
                    out.add(sigs);
                }
            });
            return out;
        }
    }

    private Map<ByteBuffer, RRset> childDsByName() {
        Map<ByteBuffer, RRset> byName = new java.util.HashMap<>();
        childDs.forEach((node, ds) -> byName.put(ByteBuffer.wrap(node.name()), ds));
        return byName;
    }

    /**
     * Every RRset of the zone as served signed, with the RRSIGs over it (null where unsigned: glue, a
     * delegation's NS): the index's own (a file's DS replaced where this zone publishes the child's),
     * what templates synthesize at its names, and every record the signer adds; the apex SOA first.
     * What a zone dump writes and a zone transfer sends.
     */
    void forEachSigned(java.util.function.BiConsumer<RRset, RRset> out) {
        RRset soa = index.apex().get(SOA);
        out.accept(soa, signatures.get(soa));
        index.forEachNode(node -> {
            for (RRset set : node.rrsets()) {
                boolean replacedDs = set.type() == DS && childDs.containsKey(node);
                if (set != soa && !replacedDs) {
                    out.accept(set, signatures.get(set));
                }
            }
            RRset[] synthesized = synthesizedAt(node);
            if (synthesized != null) {
                out.accept(synthesized[0], synthesized[1]);
            }
        });
        for (RRset[] added : added()) {
            out.accept(added[0], added[1]);
        }
    }

    /**
     * Every RRset this zone adds to the index's (DNSKEY, DS, NSEC or NSEC3PARAM and NSEC3, and whatever
     * else a signer adds: list it here), each with its RRSIGs: what a zone dump writes and AXFR/IXFR send.
     */
    List<RRset[]> added() {
        List<RRset[]> out = new ArrayList<>();
        out.add(new RRset[] {dnskey, signatures.get(dnskey)});
        childDs.values().forEach(ds -> out.add(new RRset[] {ds, signatures.get(ds)}));
        for (RRset nsec : chain) {
            out.add(new RRset[] {nsec, signatures.get(nsec)});
        }
        if (nsec3 != null) {
            out.add(new RRset[] {nsec3.param(), signatures.get(nsec3.param())});
            for (RRset record : nsec3.chained()) {
                out.add(new RRset[] {record, signatures.get(record)});
            }
        }
        return out;
    }

    /** What templates synthesize at an existing name and its RRSIGs, owned by the name, or null: for a zone dump. */
    private RRset[] synthesizedAt(Node node) {
        if (node.cut() != null || node.isDelegation()) {
            return null;
        }
        byte[] name = node.name();
        RRset set = synthesis.rrset(index, node, name, 0, name.length, ANY, new Response());
        if (set == null) {
            return null;
        }
        RRset sigs = online(set, name, 0, name.length);
        // written at the node's name: a synthesized RRset is owned by whatever name asked
        return new RRset[] {new RRset(node.owner(), set.type(), set.ttl(), rdataOf(set)),
            new RRset(node.owner(), RRSIG, sigs.ttl(), rdataOf(sigs))};
    }

    /** Builds the signatures of one zone version, in parallel over the zone's RRsets. */
    private static final class Builder {
        final ZoneIndex index;
        final ZoneKeys keys;
        final SigningPolicy policy;
        final Clock clock;
        final ZoneSynthesis synthesis;
        final ZoneSignatures previous;
        final Nsec3Params nsec3Params;
        final Map<ByteBuffer, RRset> childDsByName;
        final Map<Node, RRset> childDs = new IdentityHashMap<>();
        final SignatureTable signatures = new SignatureTable();
        final Map<Node, RRset> nsecByNode = new IdentityHashMap<>();
        RRset dnskey;
        byte[][] chainNames = new byte[0][];
        RRset[] chain = new RRset[0];
        boolean online;
        Nsec3Denial nsec3;
        long earliestExpiration = Long.MAX_VALUE;

        Builder(ZoneIndex index, ZoneKeys keys, SigningPolicy policy, Clock clock, ZoneSynthesis synthesis,
                Map<ByteBuffer, RRset> childDs, ZoneSignatures previous, Nsec3Params nsec3) {
            this.index = index;
            this.keys = keys;
            this.policy = policy;
            this.clock = clock;
            this.synthesis = synthesis;
            this.childDsByName = childDs;
            this.previous = previous != null && previous.keys == keys ? previous : null;
            this.nsec3Params = nsec3;
        }

        /** One RRset to sign, at the node it belongs to. */
        private record Job(Node node, RRset set) {
        }

        ZoneSignatures build() {
            Node apex = index.apex();
            long dnskeyTtl = apex.get(SOA).ttl();
            byte[][] dnskeys = keys.all().stream().map(ZoneKey::dnskeyRdata).toArray(byte[][]::new);
            dnskey = new RRset(apex.owner(), DNSKEY, dnskeyTtl, dnskeys);
            childDsByName.forEach((name, ds) -> {
                Node node = index.find(name.array(), 0, name.array().length);
                if (node != null && node.isDelegation()) {
                    childDs.put(node, new RRset(node.owner(), DS, ds.ttl(), rdataOf(ds)));
                }
            });
            online = synthesis.synthesizesNames(index);
            List<Node> chained = new ArrayList<>();
            List<Job> jobs = new ArrayList<>();
            jobs.add(new Job(apex, dnskey));
            Response scratch = new Response();
            index.forEachNode(node -> {
                if (node.cut() != null) {
                    return; // occluded: glue, or below a DNAME
                }
                if (node.isDelegation()) {
                    RRset ds = childDs.containsKey(node) ? childDs.get(node) : node.get(DS);
                    if (ds != null) {
                        jobs.add(new Job(node, ds));
                    }
                } else {
                    for (RRset set : node.rrsets()) {
                        if (set.type() != RRSIG && set.type() != NSEC && set.type() != DNSKEY) {
                            jobs.add(new Job(node, set));
                        }
                    }
                }
                boolean named = !node.isEmptyNonTerminal() || synthesizedType(node, scratch) > 0;
                if (!online && nsec3Params == null && named) {
                    chained.add(node);
                }
            });
            if (nsec3Params != null) {
                nsec3 = Nsec3Denial.of(index, nsec3Params, previous == null ? null : previous.nsec3, online,
                        typesFunction());
                jobs.add(new Job(apex, nsec3.param()));
            } else if (!online) {
                buildChain(chained, jobs, scratch);
            }
            signAll(jobs);
            if (nsec3 != null) {
                Instant now = clock.instant();
                long[] window = {policy.inception(now), policy.expiration(now)};
                nsec3.sign(previous == null ? null : previous.nsec3, previous == null ? set -> null : previous.signatures::get,
                        set -> signedAt(set, set.owner(), window[0], window[1]),
                        sigs -> policy.fresh(expirationOf(sigs), now)).forEach(this::keep);
            }
            RRset soa = apex.get(SOA);
            RRset soaSigs = signatures.get(soa);
            signatures.put(index.negativeSoa(), new RRset(soaSigs.owner(), RRSIG, index.negativeSoa().ttl(),
                    rdataOf(soaSigs)));
            return new ZoneSignatures(this);
        }

        private Nsec3Denial.Types typesFunction() {
            RRset keys = dnskey;
            Map<Node, RRset> ds = childDs;
            return (node, name, off, len, r) -> presentTypes(node, name, off, len, r, index, keys, ds, synthesis);
        }

        private int synthesizedType(Node node, Response scratch) {
            RRset set = synthesis.rrset(index, node, node.name(), 0, node.name().length, ANY, scratch);
            return set == null ? 0 : set.type();
        }

        private void buildChain(List<Node> nodes, List<Job> jobs, Response scratch) {
            nodes.sort((a, b) -> CanonicalOrder.compare(a.name(), b.name()));
            int n = nodes.size();
            chainNames = new byte[n][];
            chain = new RRset[n];
            long ttl = index.negativeSoa().ttl();
            for (int i = 0; i < n; i++) {
                Node node = nodes.get(i);
                List<Integer> types = ownTypes(node, index, dnskey, childDs);
                int synthesized = synthesizedType(node, scratch);
                if (synthesized > 0) {
                    types.add(synthesized);
                }
                types.add(RRSIG);
                types.add(NSEC);
                byte[] next = nodes.get((i + 1) % n).name();
                RRset nsec = new RRset(node.name(), NSEC, ttl, new byte[][] {
                    TypeBitmap.nsecRdata(next, types.stream().mapToInt(Integer::intValue).toArray())});
                chainNames[i] = node.name();
                chain[i] = nsec;
                nsecByNode.put(node, nsec);
                jobs.add(new Job(node, nsec));
            }
        }

        /** The types a node serves with authority: at a cut only NS and DS. */
        static List<Integer> ownTypes(Node node, ZoneIndex index, RRset dnskey, Map<Node, RRset> childDs) {
            List<Integer> types = new ArrayList<>();
            if (node.isDelegation()) {
                types.add(NS);
                if (childDs.containsKey(node) || node.get(DS) != null) {
                    types.add(DS);
                }
                return types;
            }
            for (RRset set : node.rrsets()) {
                types.add(set.type());
            }
            if (node == index.apex()) {
                types.add(DNSKEY);
            }
            return types;
        }

        /**
         * Signs on every core (the common pool) in batches, each batch then kept in the table by this
         * thread: only one batch of RRSIG objects is alive at a time, not one per RRset of the zone.
         */
        private void signAll(List<Job> jobs) {
            Instant now = clock.instant();
            long inception = policy.inception(now);
            long expiration = policy.expiration(now);
            RRset[] made = new RRset[Math.min(SIGNING_BATCH, jobs.size())];
            for (int from = 0; from < jobs.size(); from += made.length) {
                int start = from;
                int count = Math.min(made.length, jobs.size() - from);
                java.util.stream.IntStream.range(0, count).parallel().forEach(i -> {
                    Job job = jobs.get(start + i);
                    RRset kept = reusable(job, now);
                    made[i] = kept != null ? kept : signedAt(job.set, job.node.name(), inception, expiration);
                });
                for (int i = 0; i < count; i++) {
                    keep(jobs.get(start + i).set, made[i]);
                }
            }
        }

        private RRset signedAt(RRset set, byte[] owner, long inception, long expiration) {
            List<ZoneKey> with = set.type() == DNSKEY ? keys.forDnskey() : keys.forData();
            byte[][] rrsigs = new byte[with.size()][];
            for (int k = 0; k < rrsigs.length; k++) {
                rrsigs[k] = RrsigMaker.sign(with.get(k), index.origin(), owner, set.type(), set.ttl(), rdataOf(set),
                        inception, expiration);
            }
            return RrsigMaker.rrset(set.owner(), set.ttl(), rrsigs);
        }

        private void keep(RRset set, RRset sigs) {
            signatures.put(set, sigs);
            earliestExpiration = Math.min(earliestExpiration, expirationOf(sigs));
        }

        /** The previous version's signature over the same RRset at the same name, while fresh. */
        private RRset reusable(Job job, Instant now) {
            if (previous == null) {
                return null;
            }
            RRset before = previous.rrsetLike(job.node, job.set);
            RRset sigs = before == null ? null : previous.signatures.get(before);
            return sigs != null && policy.fresh(expirationOf(sigs), now) ? sigs : null;
        }
    }

    /** This version's RRset at the name of node with the same content as set, or null. */
    private RRset rrsetLike(Node node, RRset set) {
        Node mine = index.find(node.name(), 0, node.name().length);
        if (mine == null) {
            return null;
        }
        RRset candidate = switch (set.type()) {
            case DNSKEY -> mine == index.apex() ? dnskey : null;
            case NSEC -> nsecByNode.get(mine);
            case Nsec3Denial.NSEC3PARAM -> mine == index.apex() && nsec3 != null ? nsec3.param() : null;
            case DS -> childDs.containsKey(mine) ? childDs.get(mine) : mine.get(DS);
            default -> mine.get(set.type());
        };
        return candidate != null && sameContent(candidate, set) ? candidate : null;
    }
}
