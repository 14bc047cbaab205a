package dev.caadns.zone;

/**
 * Where each record of a freshly built index was in the load's reading order, for the checks'
 * findings (file, line, comment): kept beside the index while the load runs, not in it, so the
 * served RRsets carry no load-only field.
 */
final class LoadOrder {
    /** Record numbers in the store, node by node, each node's records in its chain's order. */
    final int[] records;
    /** By the node's place in the index's name table: where its records start in {@link #records}. */
    private int[] nodeStart;
    private NodeTable nodes;

    LoadOrder(int recordCount) {
        this.records = new int[recordCount];
    }

    /**
     * Called by the build once the table is final, with where each node's records start by its
     * place in the table (-1 for a node without records).
     */
    void placeNodes(NodeTable table, int[] startByPlace) {
        nodes = table;
        nodeStart = startByPlace;
    }

    /** The store's number of record i of set, which must be an RRset of the index. */
    int record(RRset set, int i) {
        byte[] owner = set.owner();
        int place = owner == null || nodes == null ? -1 : nodes.place(owner, 0, owner.length);
        if (place >= 0 && nodeStart[place] >= 0 && i >= 0 && i < set.size()) {
            int position = nodeStart[place];
            for (RRset s = nodes.at(place).firstRRset(); s != null; s = s.next()) {
                if (s == set) {
                    return records[position + i];
                }
                position += s.size();
            }
        }
        throw new IllegalArgumentException("not an RRset of this zone's index");
    }
}
