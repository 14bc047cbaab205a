package dev.caadns.dnssec;

import dev.caadns.zone.RRset;
import java.util.Arrays;
import java.util.List;

/**
 * A zone's NSEC3 chain (RFC 5155 §7.1): one NSEC3 per name with authoritative data, delegation or
 * empty non-terminal, ordered by the hash of the name; each names the next hash and lists the
 * original name's types. Found by binary search over the raw digests.
 */
final class Nsec3Chain {
    static final int NSEC3 = 50;
    private static final int OPT_OUT_NEVER = 0;

    /** One name to chain: its digest and the types its NSEC3 lists. */
    record Link(byte[] digest, int[] types) {
    }

    private final byte[][] digests;
    private final RRset[] records;

    private Nsec3Chain(byte[][] digests, RRset[] records) {
        this.digests = digests;
        this.records = records;
    }

    static Nsec3Chain of(List<Link> links, Nsec3Hash hash, byte[] origin, long ttl) {
        Link[] sorted = links.toArray(Link[]::new);
        Arrays.sort(sorted, (a, b) -> Arrays.compareUnsigned(a.digest, b.digest));
        int n = sorted.length;
        byte[][] digests = new byte[n][];
        RRset[] records = new RRset[n];
        for (int i = 0; i < n; i++) {
            digests[i] = sorted[i].digest;
            records[i] = record(hash, origin, ttl, sorted[i].digest, sorted[(i + 1) % n].digest, sorted[i].types);
        }
        return new Nsec3Chain(digests, records);
    }

    /** An NSEC3 RRset owned by the hash of owner, naming next as the next hashed owner. */
    static RRset record(Nsec3Hash hash, byte[] origin, long ttl, byte[] owner, byte[] next, int[] types) {
        return new RRset(Nsec3Hash.owner(owner, origin), NSEC3, ttl, new byte[][] {rdata(hash, next, types)});
    }

    /** RFC 5155 §3.2: algorithm, flags, iterations, salt, next hashed owner, type bit maps. */
    private static byte[] rdata(Nsec3Hash hash, byte[] next, int[] types) {
        byte[] head = Nsec3Chain.paramRdata(hash);
        byte[] bitmap = TypeBitmap.encode(types);
        byte[] out = Arrays.copyOf(head, head.length + 1 + next.length + bitmap.length);
        out[head.length] = (byte) next.length;
        System.arraycopy(next, 0, out, head.length + 1, next.length);
        System.arraycopy(bitmap, 0, out, head.length + 1 + next.length, bitmap.length);
        return out;
    }

    /** RFC 5155 §4.2: NSEC3PARAM RDATA, which also starts every NSEC3's. */
    static byte[] paramRdata(Nsec3Hash hash) {
        byte[] salt = hash.salt();
        byte[] out = new byte[5 + salt.length];
        out[0] = Nsec3Hash.SHA1;
        out[1] = OPT_OUT_NEVER;
        out[2] = (byte) (hash.iterations() >> 8);
        out[3] = (byte) hash.iterations();
        out[4] = (byte) salt.length;
        System.arraycopy(salt, 0, out, 5, salt.length);
        return out;
    }

    /** The NSEC3 whose owner is this digest, or null. */
    RRset matching(byte[] digest) {
        int i = Arrays.binarySearch(digests, digest, Arrays::compareUnsigned);
        return i >= 0 ? records[i] : null;
    }

    /** The NSEC3 whose owner hash sorts last before the digest; the last one wraps round to cover the first. */
    RRset covering(byte[] digest) {
        int i = Arrays.binarySearch(digests, digest, Arrays::compareUnsigned);
        int before = i >= 0 ? i - 1 : -i - 2;
        return records[before >= 0 ? before : records.length - 1];
    }

    /** For each record, the one with the same owner and content in before, or null. */
    RRset[] sameIn(Nsec3Chain before) {
        RRset[] out = new RRset[records.length];
        for (int i = 0; before != null && i < out.length; i++) {
            RRset theirs = before.matching(digests[i]);
            out[i] = theirs != null && ZoneSignatures.sameContent(theirs, records[i]) ? theirs : null;
        }
        return out;
    }

    RRset[] records() {
        return records;
    }
}
