package dev.caadns.zone;

import java.util.Arrays;
import org.xbill.DNS.Type;

/**
 * Builds the one array an index's RRsets keep their TTLs and records in (see {@link RRset#data()}):
 * a set is appended where the last one ended, and a policy-like set (CAA, TXT) equal to one already
 * there, TTL included, takes that one's place instead: a million names often hold a few hundred
 * distinct CAA policies. The sets already there are found by their bytes in place, in an
 * open-addressing table of their offsets: no key object per set.
 */
final class RRsetData {
    private byte[] data;
    private int size;
    /** Offset + 1 of each distinct policy-like set, by hash of its bytes; 0 = empty. */
    private int[] shared = new int[16];
    private int[] sharedHashes = new int[16];
    private int sharedCount;

    /** @param expectedBytes a first capacity, e.g. the store's rdata bytes */
    RRsetData(int expectedBytes) {
        data = new byte[Math.max(64, expectedBytes)];
    }

    /** The RRset of records set[from, to) of the store, which share owner, type and TTL. */
    RRset add(byte[] owner, RecordStore records, int[] set, int from, int to) {
        int length = 0;
        for (int k = from; k < to; k++) {
            length += 2 + records.rdataLength(set[k]);
        }
        int at = size;
        int end = at + RRset.HEADER + length;
        if (end > data.length) {
            data = Arrays.copyOf(data, Math.max(end, data.length * 2));
        }
        RRset.putHeader(data, at, records.ttl(set[from]), length);
        byte[] source = records.data();
        int p = at + RRset.HEADER;
        for (int k = from; k < to; k++) {
            int rdlength = records.rdataLength(set[k]);
            data[p] = (byte) (rdlength >> 8);
            data[p + 1] = (byte) rdlength;
            System.arraycopy(source, records.rdataStart(set[k]), data, p + 2, rdlength);
            p += 2 + rdlength;
        }
        int type = records.type(set[from]);
        size = end;
        if (type == Type.CAA || type == Type.TXT) {
            int same = share(at, end);
            if (same != at) {
                size = at;
                at = same;
            }
        }
        return new RRset(owner, type, data, at);
    }

    /** Where a set equal to data[at, end) (TTL included) already is, or at, now known, if none is. */
    private int share(int at, int end) {
        int h = Rdata.hash(data, at, end);
        int mask = shared.length - 1;
        int i = h & mask;
        for (int other; (other = shared[i] - 1) >= 0; i = (i + 1) & mask) {
            if (sharedHashes[i] == h && Arrays.equals(data, at, end, data, other, other + RRset.length(data, other))) {
                return other;
            }
        }
        shared[i] = at + 1;
        sharedHashes[i] = h;
        if (++sharedCount * 2 > shared.length) {
            growShared();
        }
        return at;
    }

    private void growShared() {
        int[] oldSlots = shared;
        int[] oldHashes = sharedHashes;
        shared = new int[oldSlots.length * 2];
        sharedHashes = new int[shared.length];
        int mask = shared.length - 1;
        for (int j = 0; j < oldSlots.length; j++) {
            if (oldSlots[j] != 0) {
                int i = oldHashes[j] & mask;
                while (shared[i] != 0) {
                    i = (i + 1) & mask;
                }
                shared[i] = oldSlots[j];
                sharedHashes[i] = oldHashes[j];
            }
        }
    }

    /**
     * The array trimmed to what the sets use: the caller points every set made so far at it
     * ({@link RRset#moveTo}), since the array they were made with may since have been regrown.
     */
    byte[] finish() {
        shared = null;
        sharedHashes = null;
        data = Arrays.copyOf(data, size);
        return data;
    }
}
