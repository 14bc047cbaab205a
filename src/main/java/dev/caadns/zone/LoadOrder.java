package dev.caadns.zone;

import java.util.function.Consumer;

/**
 * Where each record of a freshly built index was in the load's reading order, for the checks'
 * findings (file, line, comment): kept beside the index while the load runs, not in it, so the
 * served RRsets carry no load-only field.
 */
final class LoadOrder {
    /** Record numbers in the store, node by node, each node's records in its chain's order. */
    final int[] records;
    /** By the node's slot in the index's name table: where its records start in {@link #records}. */
    private int[] nodeStart;
    private NodeTable nodes;
    /** The nodes with records, in the order their first records were read (see {@link #forEachOwner}). */
    private Node[] owners;

    LoadOrder(int recordCount) {
        this.records = new int[recordCount];
    }

    /**
     * Called by the build once the table is final, with where each node's records start by its
     * slot in the table (-1 for a node without records), and the nodes in the order the build
     * made them (null where none).
     */
    void placeNodes(NodeTable table, int[] startBySlot, Node[] madeInOrder) {
        nodes = table;
        nodeStart = startBySlot;
        owners = madeInOrder;
    }

    /**
     * Every node with records, in reading order, which is also the order the build allocated them
     * and their RRsets in: a walk over a million nodes then reads memory in sequence, where the
     * table's hash order missed the cache at every node and set.
     */
    void forEachOwner(Consumer<Node> action) {
        for (Node node : owners) {
            if (node != null) {
                action.accept(node);
            }
        }
    }

    /** The store's number of record i of set, which must be an RRset of the index. */
    int record(RRset set, int i) {
        byte[] owner = set.owner();
        int slot = owner == null || nodes == null ? -1 : nodes.slot(owner, 0, owner.length);
        if (slot >= 0 && nodeStart[slot] >= 0 && i >= 0 && i < set.size()) {
            int position = nodeStart[slot];
            for (RRset s = nodes.get(owner).firstRRset(); s != null; s = s.next()) {
                if (s == set) {
                    return records[position + i];
                }
                position += s.size();
            }
        }
        throw new IllegalArgumentException("not an RRset of this zone's index");
    }
}
