package dev.caadns.zone;

import java.util.Map;

/**
 * One name in a zone: its RRsets (none for an empty non-terminal), and what the lookup needs to know
 * without walking the tree: the zone cut or DNAME above it, and its wildcard child. A million names
 * are a million of these, so a node holds its first RRset (the others chain from it), takes the
 * owner's case from that set, and keeps what only a few nodes have (a cut, a wildcard child) in a
 * {@link Links} that nodes alike share: three fields, 24 bytes.
 */
public final class Node {
    /**
     * A node's cut, wildcard child and delegation flag, when it has any of them; shared by equal ones.
     * Equal as the generated methods would have it (nodes by identity), written out: a record's
     * generated equals and hashCode are made from method handles at their first call, which spun
     * ~30 classes and cost ~40 CPU ms of a small zone's start.
     */
    record Links(Node cut, Node wildcard, boolean delegation) {
        static final Links DELEGATION = new Links(null, null, true);

        @Override
        public boolean equals(Object other) {
            return other instanceof Links links && links.cut == cut && links.wildcard == wildcard
                    && links.delegation == delegation;
        }

        @Override
        public int hashCode() {
            return (31 * System.identityHashCode(cut) + System.identityHashCode(wildcard)) * 31
                    + Boolean.hashCode(delegation);
        }
    }

    private final byte[] name;
    private RRset first;
    private Links links;

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
        return links != null && links.delegation();
    }

    /** The topmost zone cut or DNAME owner strictly above this node, or null when data here is authoritative. */
    public Node cut() {
        return links == null ? null : links.cut();
    }

    /** The node {@code *.<this name>}, or null. */
    public Node wildcard() {
        return links == null ? null : links.wildcard();
    }

    /** Sets the node's RRsets: sets[i] chained to sets[i + 1], all with this node's owner. */
    void rrsets(java.util.List<RRset> sets) {
        for (int i = 0; i + 1 < sets.size(); i++) {
            sets.get(i).next(sets.get(i + 1));
        }
        this.first = sets.isEmpty() ? null : sets.get(0);
    }

    /** @param interned equal links made so far, so that the nodes below one cut share theirs */
    void cut(Node node, Map<Links, Links> interned) {
        links(new Links(node, wildcard(), isDelegation()), interned);
    }

    void wildcard(Node node, Map<Links, Links> interned) {
        links(new Links(cut(), node, isDelegation()), interned);
    }

    void delegation() {
        links = links == null ? Links.DELEGATION : new Links(cut(), wildcard(), true);
    }

    private void links(Links wanted, Map<Links, Links> interned) {
        links = interned.computeIfAbsent(wanted, l -> l);
    }
}
