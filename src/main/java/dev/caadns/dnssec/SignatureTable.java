package dev.caadns.dnssec;

import dev.caadns.zone.RRset;
import java.util.Arrays;

/**
 * The RRSIGs of one zone version, by the RRset they cover (its identity), kept encoded in large
 * shared pages instead of an RRset, a byte[][] and a byte[] per signature: ~110 bytes per signed
 * RRset instead of ~200, which on the 1M zone's 3 million RRsets is about 250 MiB. An answer gets
 * its RRSIG RRset made from the page, owner and TTL from the covered RRset (RFC 4034 §3: the RRSIG
 * TTL is the covered RRset's). Filled by one thread, then only read.
 */
final class SignatureTable {
    private static final int PAGE_BITS = 20;
    private static final int PAGE_SIZE = 1 << PAGE_BITS;
    /** Entries start at multiples of 8 bytes, so an int position addresses 16 GiB of them. */
    private static final int ALIGN_BITS = 3;

    private RRset[] keys = new RRset[16];
    private int[] positions = new int[16];
    private int size;
    private byte[][] pages = new byte[1][];
    private long used;

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
            int len = ((page[p] & 0xff) << 8) | (page[p + 1] & 0xff);
            rdata[i] = Arrays.copyOfRange(page, p + 2, p + 2 + len);
            p += 2 + len;
        }
        return new RRset(set.owner(), ZoneSignatures.RRSIG, set.ttl(), rdata);
    }

    /** Keeps the RDATA of rrsigs as the signatures over set (replacing any it had). */
    void put(RRset set, RRset rrsigs) {
        int length = 1;
        for (int i = 0; i < rrsigs.size(); i++) {
            length += 2 + rrsigs.rdata(i).length;
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
            page[p] = (byte) (rdata.length >> 8);
            page[p + 1] = (byte) rdata.length;
            System.arraycopy(rdata, 0, page, p + 2, rdata.length);
            p += 2 + rdata.length;
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
}
