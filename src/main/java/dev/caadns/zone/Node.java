package dev.caadns.zone;

/**
 * One name in a zone: its RRsets (none for an empty non-terminal), and what the lookup needs to know
 * without walking the tree: the zone cut or DNAME above it, and its wildcard child. A million names
 * are a million of these, so a node holds its first RRset (the others chain from it) and takes the
 * owner's case from that set.
 */
public final class Node {
    private final byte[] name;
    private RRset first;
    private Node cut;
    private Node wildcard;
    private boolean delegation;

    Node(byte[] lowercaseName) {
        this.name = lowercaseName;
    }

    /** Lowercase wire name. */
    public byte[] name() {
        return name;
    }

    /** Wire name with the case of the zone file (lowercase for an empty non-terminal). */
    public byte[] owner() {
        return first == null ? name : first.owner();
    }

    public RRset get(int type) {
        for (RRset set = first; set != null; set = set.next()) {
            if (set.type() == type) {
                return set;
            }
        }
        return null;
    }

    /** The RRset of the lowest type, or null for an empty non-terminal; {@link RRset#next()} gives the others. */
    public RRset firstRRset() {
        return first;
    }

    /** The RRsets in type order, in a new array: for readers off the answer path. */
    public RRset[] rrsets() {
        int count = 0;
        for (RRset set = first; set != null; set = set.next()) {
            count++;
        }
        RRset[] sets = new RRset[count];
        int i = 0;
        for (RRset set = first; set != null; set = set.next()) {
            sets[i++] = set;
        }
        return sets;
    }

    public boolean isEmptyNonTerminal() {
        return first == null;
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

    /** Sets the node's RRsets: sets[i] chained to sets[i + 1], all with this node's owner. */
    void rrsets(java.util.List<RRset> sets) {
        for (int i = 0; i + 1 < sets.size(); i++) {
            sets.get(i).next(sets.get(i + 1));
        }
        this.first = sets.isEmpty() ? null : sets.get(0);
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
