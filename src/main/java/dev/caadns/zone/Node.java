package dev.caadns.zone;

/**
 * One name in a zone: its RRsets (none for an empty non-terminal), and what the lookup needs to know
 * without walking the tree: the zone cut or DNAME above it, and its wildcard child.
 */
public final class Node {
    private static final RRset[] NO_RRSETS = new RRset[0];

    private final byte[] name;
    private final byte[] owner;
    private RRset[] rrsets = NO_RRSETS;
    private Node cut;
    private Node wildcard;
    private boolean delegation;

    Node(byte[] lowercaseName, byte[] ownerAsWritten) {
        this.name = lowercaseName;
        this.owner = ownerAsWritten;
    }

    /** Lowercase wire name. */
    public byte[] name() {
        return name;
    }

    /** Wire name with the case of the zone file (lowercase for an empty non-terminal). */
    public byte[] owner() {
        return owner;
    }

    public RRset get(int type) {
        for (RRset set : rrsets) {
            if (set.type() == type) {
                return set;
            }
        }
        return null;
    }

    public RRset[] rrsets() {
        return rrsets;
    }

    public boolean isEmptyNonTerminal() {
        return rrsets.length == 0;
    }

    /** True at a zone cut: NS records at a name other than the apex. */
    public boolean isDelegation() {
        return delegation;
    }

    /** The topmost zone cut or DNAME owner strictly above this node, or null when data here is authoritative. */
    public Node cut() {
        return cut;
    }

    /** The node {@code *.<this name>}, or null. */
    public Node wildcard() {
        return wildcard;
    }

    void rrsets(RRset[] sets) {
        this.rrsets = sets;
    }

    void cut(Node node) {
        this.cut = node;
    }

    void wildcard(Node node) {
        this.wildcard = node;
    }

    void delegation(boolean value) {
        this.delegation = value;
    }
}
