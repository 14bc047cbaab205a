package dev.caadns.zone;

/**
 * An immutable RRset ready for the wire: owner as written, one TTL, each RDATA in uncompressed wire
 * form. For NS, MX and SRV it also holds the in-zone nodes of its targets, whose addresses go in the
 * additional section.
 */
public final class RRset {
    private final byte[] owner;
    private final int type;
    private final long ttl;
    private final byte[][] rdata;
    private Node[] additionalTargets = NO_NODES;
    private int loadPosition = -1;

    static final Node[] NO_NODES = new Node[0];

    public RRset(byte[] owner, int type, long ttl, byte[][] rdata) {
        this.owner = owner;
        this.type = type;
        this.ttl = ttl;
        this.rdata = rdata;
    }

    /** Owner name in wire form, with the case it was written in. */
    public byte[] owner() {
        return owner;
    }

    public int type() {
        return type;
    }

    public long ttl() {
        return ttl;
    }

    public int size() {
        return rdata.length;
    }

    public byte[] rdata(int i) {
        return rdata[i];
    }

    /** Nodes in this zone named by this RRset's RDATA whose A and AAAA belong in the additional section. */
    public Node[] additionalTargets() {
        return additionalTargets;
    }

    void additionalTargets(Node[] nodes) {
        this.additionalTargets = nodes;
    }

    /** Where this set's records start in the load's record order, or -1 (not from a zone load). */
    int loadPosition() {
        return loadPosition;
    }

    void loadPosition(int position) {
        this.loadPosition = position;
    }

    /** The same records with another TTL: the negative-caching SOA. */
    public RRset withTtl(long newTtl) {
        RRset copy = new RRset(owner, type, newTtl, rdata);
        copy.additionalTargets = additionalTargets;
        copy.loadPosition = loadPosition;
        return copy;
    }
}
