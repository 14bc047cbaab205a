package dev.caadns.zone;

import java.util.Arrays;

/**
 * An immutable RRset ready for the wire: owner as written, type, and one array holding the TTL
 * and every record's RDLENGTH and uncompressed RDATA, so the writer copies records straight out of
 * it and equal sets (a million names' CAA policies) share it. For NS, MX and SRV it also holds the
 * in-zone nodes of its targets, whose addresses go in the additional section. A zone's sets at one
 * name form a chain ({@link #next()}), in type order: no array per name.
 */
public final class RRset {
    /** Where the first record starts in {@link #records()}: after the 4-byte TTL. */
    public static final int FIRST_RECORD = 4;

    static final Node[] NO_NODES = new Node[0];

    private final byte[] owner;
    private final int type;
    private final byte[] records;
    private Node[] additionalTargets = NO_NODES;
    private RRset next;

    public RRset(byte[] owner, int type, long ttl, byte[][] rdata) {
        this(owner, type, pack(ttl, rdata));
    }

    /** @param records as {@link #records()} describes; kept, not copied */
    RRset(byte[] owner, int type, byte[] records) {
        this.owner = owner;
        this.type = type;
        this.records = records;
    }

    private static byte[] pack(long ttl, byte[][] rdata) {
        int size = FIRST_RECORD;
        for (byte[] data : rdata) {
            size += 2 + data.length;
        }
        byte[] packed = new byte[size];
        putTtl(packed, ttl);
        int at = FIRST_RECORD;
        for (byte[] data : rdata) {
            packed[at] = (byte) (data.length >> 8);
            packed[at + 1] = (byte) data.length;
            System.arraycopy(data, 0, packed, at + 2, data.length);
            at += 2 + data.length;
        }
        return packed;
    }

    static void putTtl(byte[] records, long ttl) {
        records[0] = (byte) (ttl >> 24);
        records[1] = (byte) (ttl >> 16);
        records[2] = (byte) (ttl >> 8);
        records[3] = (byte) ttl;
    }

    /** Owner name in wire form, with the case it was written in. */
    public byte[] owner() {
        return owner;
    }

    public int type() {
        return type;
    }

    public long ttl() {
        return (records[0] & 0xffL) << 24 | (records[1] & 0xff) << 16 | (records[2] & 0xff) << 8
                | records[3] & 0xff;
    }

    /**
     * The TTL (4 bytes), then from {@link #FIRST_RECORD} each record as RDLENGTH (2 bytes) and RDATA,
     * to the end of the array. Shared between RRsets and with the writer: never change it.
     */
    public byte[] records() {
        return records;
    }

    /** The RDLENGTH of the record whose RDLENGTH field starts at {@code at} in {@link #records()}. */
    public int rdlength(int at) {
        return (records[at] & 0xff) << 8 | records[at + 1] & 0xff;
    }

    /** The number of records (counted: sets are small, and only the answer path is hot). */
    public int size() {
        int count = 0;
        for (int at = FIRST_RECORD; at < records.length; at += 2 + rdlength(at)) {
            count++;
        }
        return count;
    }

    /** Where record i's RDLENGTH field starts in {@link #records()}. */
    private int recordAt(int i) {
        if (i < 0) {
            throw new IndexOutOfBoundsException(i);
        }
        int at = FIRST_RECORD;
        for (int k = 0; k < i && at < records.length; k++) {
            at += 2 + rdlength(at);
        }
        if (at >= records.length) {
            throw new IndexOutOfBoundsException(i);
        }
        return at;
    }

    /** A copy of record i's RDATA: for readers off the answer path, which walk {@link #records()}. */
    public byte[] rdata(int i) {
        int at = recordAt(i);
        return Arrays.copyOfRange(records, at + 2, at + 2 + rdlength(at));
    }

    /** True when both sets hold the same records in the same order (TTL aside). */
    public boolean sameRdata(RRset other) {
        return other.records == records || Arrays.equals(records, FIRST_RECORD, records.length,
                other.records, FIRST_RECORD, other.records.length);
    }

    /** Nodes in this zone named by this RRset's RDATA whose A and AAAA belong in the additional section. */
    public Node[] additionalTargets() {
        return additionalTargets;
    }

    void additionalTargets(Node[] nodes) {
        this.additionalTargets = nodes;
    }

    /** The next RRset of the same node in a zone's index (higher type), or null. */
    public RRset next() {
        return next;
    }

    void next(RRset set) {
        this.next = set;
    }

    /** The same records with another TTL, outside any node's chain: the negative-caching SOA. */
    public RRset withTtl(long newTtl) {
        byte[] copy = records.clone();
        putTtl(copy, newTtl);
        RRset set = new RRset(owner, type, copy);
        set.additionalTargets = additionalTargets;
        return set;
    }
}
