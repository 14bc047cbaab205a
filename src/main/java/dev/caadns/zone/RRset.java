package dev.caadns.zone;

import java.util.Arrays;

/**
 * An immutable RRset ready for the wire: owner as written, type, and its TTL and every record's
 * RDLENGTH and uncompressed RDATA in place in one array, which a zone's index shares between all its
 * sets (a million A records are then no million arrays) and equal sets share a place in (a million
 * names' CAA policies); the writer copies records straight out of it. A zone's sets at one name form
 * a chain ({@link #next()}), in type order: no array per name.
 */
public final class RRset {
    /** TTL (4 bytes), then the byte length of the records (4 bytes). */
    static final int HEADER = 8;

    private final byte[] owner;
    private final int type;
    private byte[] data;
    private final int at;
    private RRset next;

    public RRset(byte[] owner, int type, long ttl, byte[][] rdata) {
        this(owner, type, pack(ttl, rdata), 0);
    }

    /** @param data holds this set as {@link #data()} describes, from {@code at}; kept, not copied */
    RRset(byte[] owner, int type, byte[] data, int at) {
        this.owner = owner;
        this.type = type;
        this.data = data;
        this.at = at;
    }

    private static byte[] pack(long ttl, byte[][] rdata) {
        int length = 0;
        for (byte[] one : rdata) {
            length += 2 + one.length;
        }
        byte[] packed = new byte[HEADER + length];
        putHeader(packed, 0, ttl, length);
        int p = HEADER;
        for (byte[] one : rdata) {
            packed[p] = (byte) (one.length >> 8);
            packed[p + 1] = (byte) one.length;
            System.arraycopy(one, 0, packed, p + 2, one.length);
            p += 2 + one.length;
        }
        return packed;
    }

    /** Writes a set's header at data[at]: its TTL and the byte length of the records after it. */
    static void putHeader(byte[] data, int at, long ttl, int length) {
        put32(data, at, ttl);
        put32(data, at + 4, length);
    }

    private static void put32(byte[] data, int at, long value) {
        data[at] = (byte) (value >> 24);
        data[at + 1] = (byte) (value >> 16);
        data[at + 2] = (byte) (value >> 8);
        data[at + 3] = (byte) value;
    }

    private static int u32(byte[] data, int at) {
        return (data[at] & 0xff) << 24 | (data[at + 1] & 0xff) << 16 | (data[at + 2] & 0xff) << 8
                | data[at + 3] & 0xff;
    }

    /** Points the set at a copy of the array it was built in (the index trims its array once built). */
    void moveTo(byte[] copy) {
        this.data = copy;
    }

    /** Owner name in wire form, with the case it was written in. */
    public byte[] owner() {
        return owner;
    }

    public int type() {
        return type;
    }

    public long ttl() {
        return u32(data, at) & 0xFFFFFFFFL;
    }

    /**
     * The array this set's records are in, with other sets' records: each record is RDLENGTH (2
     * bytes) and RDATA, from {@link #firstRecord()} to {@link #end()}. Shared: never change it.
     */
    public byte[] data() {
        return data;
    }

    /** Where the first record's RDLENGTH is in {@link #data()}. */
    public int firstRecord() {
        return at + HEADER;
    }

    /** Where the records end in {@link #data()}. */
    public int end() {
        return at + length(data, at);
    }

    /** The bytes of the set whose header is at data[at]: the header and its records. */
    static int length(byte[] data, int at) {
        return HEADER + u32(data, at + 4);
    }

    /** The RDLENGTH of the record whose RDLENGTH field starts at {@code p} in {@link #data()}. */
    public int rdlength(int p) {
        return (data[p] & 0xff) << 8 | data[p + 1] & 0xff;
    }

    /** The number of records (counted: sets are small, and only the answer path is hot). */
    public int size() {
        int count = 0;
        for (int p = firstRecord(), end = end(); p < end; p += 2 + rdlength(p)) {
            count++;
        }
        return count;
    }

    /** A copy of record i's RDATA: for readers off the answer path, which read {@link #data()} in place. */
    public byte[] rdata(int i) {
        int p = firstRecord();
        int end = end();
        for (int k = 0; k < i && p < end; k++) {
            p += 2 + rdlength(p);
        }
        if (i < 0 || p >= end) {
            throw new IndexOutOfBoundsException(i);
        }
        return Arrays.copyOfRange(data, p + 2, p + 2 + rdlength(p));
    }

    /** True when both sets hold the same records in the same order (TTL aside). */
    public boolean sameRdata(RRset other) {
        return sharesRecords(other) || Arrays.equals(data, firstRecord(), end(), other.data, other.firstRecord(),
                other.end());
    }

    /** True when both sets are one place in one array: how the index stores equal sets. */
    public boolean sharesRecords(RRset other) {
        return other.data == data && other.at == at;
    }

    /** The next RRset of the same node in a zone's index (higher type), or null. */
    public RRset next() {
        return next;
    }

    void next(RRset set) {
        this.next = set;
    }

    /** The same records with another TTL, in an array of its own, outside any node's chain: the negative-caching SOA. */
    public RRset withTtl(long newTtl) {
        byte[] copy = Arrays.copyOfRange(data, at, end());
        put32(copy, 0, newTtl);
        return new RRset(owner, type, copy, 0);
    }
}
