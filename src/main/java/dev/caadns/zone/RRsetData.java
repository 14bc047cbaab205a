package dev.caadns.zone;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.xbill.DNS.Type;

/**
 * Builds the one array an index's RRsets keep their TTLs and records in (see {@link RRset#data()}):
 * a set is appended where the last one ended, and a policy-like set (CAA, TXT) equal to one already
 * there, TTL included, takes that one's place instead: a million names often hold a few hundred
 * distinct CAA policies.
 */
final class RRsetData {
    private byte[] data;
    private int size;
    private final Map<ByteBuffer, Integer> shared = new HashMap<>();

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
            Integer same = shared.get(ByteBuffer.wrap(data, at, end - at));
            if (same != null) {
                size = at;
                at = same;
            } else {
                shared.put(ByteBuffer.wrap(Arrays.copyOfRange(data, at, end)), at);
            }
        }
        return new RRset(owner, type, data, at);
    }

    /**
     * The array trimmed to what the sets use: the caller points every set made so far at it
     * ({@link RRset#moveTo}), since the array they were made with may since have been regrown.
     */
    byte[] finish() {
        shared.clear();
        data = Arrays.copyOf(data, size);
        return data;
    }
}
