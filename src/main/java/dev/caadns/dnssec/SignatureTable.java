package dev.caadns.dnssec;

import dev.caadns.zone.RRset;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The RRSIGs of one zone version, by the RRset they cover (its identity), kept encoded in large
 * shared pages instead of an RRset, a byte[][] and a byte[] per signature. The fields all of a
 * version's signatures share (algorithm, validity, key tag, signer) are kept once and named by a
 * byte, so an ECDSA signature takes ~80 bytes of page instead of ~195 bytes of objects: about 300
 * MiB less on the 1M zone's 2.9 million signed RRsets. An answer gets its RRSIG RRset made from the
 * page, owner and TTL from the covered RRset (RFC 4034 §3: the RRSIG TTL is the covered RRset's).
 * Filled by one thread, then only read.
 */
final class SignatureTable {
    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    /** Entries start at multiples of 8 bytes, so an int position addresses 16 GiB of them. */
    private static final int ALIGN_BITS = 3;
    /** The marker of an RRSIG kept whole, when its shared fields are not among the 255 kept. */
    private static final int WHOLE = 255;
    /** RRSIG RDATA: type covered (2), algorithm, labels, original TTL (4), then what is shared. */
    private static final int SHARED_FROM = 8;

    private RRset[] keys = new RRset[16];
    private int[] positions = new int[16];
    private int size;
    private byte[][] pages = new byte[1][];
    private long used;
    /** Algorithm, then expiration, inception, key tag and signer, as the RRSIGs have them. */
    private final List<byte[]> shared = new ArrayList<>();
    private final Map<ByteBuffer, Integer> sharedIds = new HashMap<>();

    /** The RRSIGs over set, as an RRset at set's owner with its TTL; null when it has none. */
    RRset get(RRset set) {
        int slot = slotOf(set);
        if (keys[slot] == null) {
            return null;
        }
        long at = (long) positions[slot] << ALIGN_BITS;
        byte[] page = pages[(int) (at >>> PAGE_BITS)];
        int p = (int) (at & (PAGE_SIZE - 1));
        byte[][] rdata = new byte[page[p++] & 0xff][];
        for (int i = 0; i < rdata.length; i++) {
            int marker = page[p++] & 0xff;
            if (marker == WHOLE) {
                int len = u16(page, p);
                rdata[i] = Arrays.copyOfRange(page, p + 2, p + 2 + len);
                p += 2 + len;
                continue;
            }
            byte[] fields = shared.get(marker);
            int signatureLength = u16(page, p + 7);
            byte[] r = new byte[SHARED_FROM + fields.length - 1 + signatureLength];
            r[0] = page[p];
            r[1] = page[p + 1];
            r[2] = fields[0];
            System.arraycopy(page, p + 2, r, 3, 5); // labels, original TTL
            System.arraycopy(fields, 1, r, SHARED_FROM, fields.length - 1);
            System.arraycopy(page, p + 9, r, SHARED_FROM + fields.length - 1, signatureLength);
            rdata[i] = r;
            p += 9 + signatureLength;
        }
        return new RRset(set.owner(), ZoneSignatures.RRSIG, set.ttl(), rdata);
    }

    /** Keeps the RDATA of rrsigs as the signatures over set (replacing any it had). */
    void put(RRset set, RRset rrsigs) {
        int[] markers = new int[rrsigs.size()];
        int length = 1;
        for (int i = 0; i < rrsigs.size(); i++) {
            byte[] rdata = rrsigs.rdata(i);
            markers[i] = sharedId(rdata);
            length += markers[i] == WHOLE ? 3 + rdata.length : 10 + rdata.length - signatureStart(rdata);
        }
        if (rrsigs.size() > 255 || length > PAGE_SIZE) {
            throw new IllegalArgumentException("too many or too large RRSIGs for one RRset: " + rrsigs.size());
        }
        long at = reserve(length);
        byte[] page = pages[(int) (at >>> PAGE_BITS)];
        int p = (int) (at & (PAGE_SIZE - 1));
        page[p++] = (byte) rrsigs.size();
        for (int i = 0; i < rrsigs.size(); i++) {
            byte[] rdata = rrsigs.rdata(i);
            page[p++] = (byte) markers[i];
            if (markers[i] == WHOLE) {
                put16(page, p, rdata.length);
                System.arraycopy(rdata, 0, page, p + 2, rdata.length);
                p += 2 + rdata.length;
                continue;
            }
            int from = signatureStart(rdata);
            page[p] = rdata[0];
            page[p + 1] = rdata[1];
            System.arraycopy(rdata, 3, page, p + 2, 5);
            put16(page, p + 7, rdata.length - from);
            System.arraycopy(rdata, from, page, p + 9, rdata.length - from);
            p += 9 + rdata.length - from;
        }
        if ((size + 1) * 4L > keys.length * 3L) {
            grow();
        }
        int slot = slotOf(set);
        if (keys[slot] == null) {
            keys[slot] = set;
            size++;
        }
        positions[slot] = (int) (at >>> ALIGN_BITS);
    }

    /** The id of this RRSIG's shared fields, made when new; WHOLE once 255 different ones are kept. */
    private int sharedId(byte[] rdata) {
        int end = signatureStart(rdata);
        byte[] fields = new byte[1 + end - SHARED_FROM];
        fields[0] = rdata[2];
        System.arraycopy(rdata, SHARED_FROM, fields, 1, end - SHARED_FROM);
        Integer known = sharedIds.get(ByteBuffer.wrap(fields));
        if (known != null) {
            return known;
        }
        if (shared.size() == WHOLE) {
            return WHOLE;
        }
        shared.add(fields);
        sharedIds.put(ByteBuffer.wrap(fields), shared.size() - 1);
        return shared.size() - 1;
    }

    /** Where the signature starts: after the fixed fields and the signer's name. */
    private static int signatureStart(byte[] rdata) {
        int p = 18;
        while (rdata[p] != 0) {
            p += (rdata[p] & 0xff) + 1;
        }
        return p + 1;
    }

    /** Where the next entry of length bytes goes: in the last page, or at the start of a new one. */
    private long reserve(int length) {
        long at = (used + (1 << ALIGN_BITS) - 1) & -(1L << ALIGN_BITS);
        int page = (int) (at >>> PAGE_BITS);
        if ((at & (PAGE_SIZE - 1)) + length > PAGE_SIZE) {
            page++;
            at = (long) page << PAGE_BITS;
        }
        if (page >= pages.length) {
            pages = Arrays.copyOf(pages, pages.length * 2);
        }
        byte[] current = pages[page];
        int end = (int) (at & (PAGE_SIZE - 1)) + length;
        if (current == null || end > current.length) {
            // the first page grows with the zone, so a small zone's table stays small
            int capacity = page > 0 ? PAGE_SIZE : Math.min(PAGE_SIZE, Math.max(256, Integer.highestOneBit(end - 1) << 1));
            pages[page] = current == null ? new byte[capacity] : Arrays.copyOf(current, capacity);
        }
        used = at + length;
        return at;
    }

    /** Linear probing by identity: the slot holding set, or the empty one where it would go. */
    private int slotOf(RRset set) {
        int mask = keys.length - 1;
        int slot = mix(System.identityHashCode(set)) & mask;
        while (keys[slot] != null && keys[slot] != set) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        RRset[] oldKeys = keys;
        int[] oldPositions = positions;
        keys = new RRset[oldKeys.length * 2];
        positions = new int[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != null) {
                int slot = slotOf(oldKeys[i]);
                keys[slot] = oldKeys[i];
                positions[slot] = oldPositions[i];
            }
        }
    }

    private static int mix(int hash) {
        int h = hash * 0x9E3779B9;
        return h ^ (h >>> 16);
    }

    private static int u16(byte[] b, int p) {
        return ((b[p] & 0xff) << 8) | (b[p + 1] & 0xff);
    }

    private static void put16(byte[] b, int p, int value) {
        b[p] = (byte) (value >> 8);
        b[p + 1] = (byte) value;
    }
}
