package dev.caadns.zone;

import java.util.Arrays;
import java.util.function.Consumer;

/**
 * A zone's nodes by lowercase wire name: an immutable open-addressing table like {@link NameTable},
 * whose keys are the nodes' own names, so a million names cost no key array. Lookups hash a slice of
 * a caller's buffer: finding a name in the query allocates nothing.
 *
 * <p>The nodes sit in one array in the order they were added (a zone's reading order), which is
 * also the order they were allocated in; the hash slots only point into it. Whatever walks every
 * node (the load's checks, the collector's marking, comparisons, transfers) then reads memory in
 * sequence instead of missing the cache at every node, as a walk in hash order did.
 */
final class NodeTable {
    /** By slot: the name's hash and 1 + the node's place, side by side (one cache line); 0 = empty. */
    private final int[] slots;
    private final Node[] nodes;
    private final int mask;

    private NodeTable(int[] slots, Node[] nodes) {
        this.slots = slots;
        this.nodes = nodes;
        this.mask = slots.length / 2 - 1;
    }

    int size() {
        return nodes.length;
    }

    /** The node named buf[off, off+len), in any letter case, or null. */
    Node get(byte[] buf, int off, int len) {
        int place = place(buf, off, len);
        return place < 0 ? null : nodes[place];
    }

    Node get(byte[] name) {
        return get(name, 0, name.length);
    }

    /** Where the node named buf[off, off+len) was added (0 to {@link #size()} - 1), or -1. */
    int place(byte[] buf, int off, int len) {
        int h = WireName.hash(buf, off, len);
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int place = slots[2 * i + 1] - 1;
            if (place < 0) {
                return -1;
            }
            if (slots[2 * i] == h) {
                byte[] name = nodes[place].name();
                if (name.length == len && WireName.equalsLowercase(name, buf, off)) {
                    return place;
                }
            }
        }
    }

    /** The node added at that place (0 to {@link #size()} - 1). */
    Node at(int place) {
        return nodes[place];
    }

    /** Every node, in the order they were added. */
    void forEach(Consumer<Node> action) {
        for (Node node : nodes) {
            action.accept(node);
        }
    }

    /**
     * Collects nodes in an open-addressing table kept at most half full, then freezes it. Each node
     * may carry an int tag, kept by its place (see {@link #tags()}): the load's bookkeeping by node
     * without a field in every node or a second lookup per name.
     */
    static final class Builder {
        private int[] slots;
        private Node[] nodes;
        private int[] tags;
        private int size;

        /** @param expected how many nodes are coming: a table sized for them is never regrown */
        Builder(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) * 2;
            slots = new int[2 * capacity];
            nodes = new Node[Math.max(4, expected)];
            tags = new int[nodes.length];
        }

        /** Adds a node whose lowercase name is not in the table yet. */
        void add(Node node, int tag) {
            byte[] name = node.name();
            int h = WireName.hash(name, 0, name.length);
            int i = slot(name, h);
            if (slots[2 * i + 1] != 0) {
                throw new IllegalArgumentException("name already in the table");
            }
            put(i, node, h, tag);
        }

        /** The node of a lowercase name, added with tag -1 when new: one probe either way. */
        Node getOrAdd(byte[] name) {
            int h = WireName.hash(name, 0, name.length);
            int i = slot(name, h);
            if (slots[2 * i + 1] != 0) {
                return nodes[slots[2 * i + 1] - 1];
            }
            Node node = new Node(name);
            put(i, node, h, -1);
            return node;
        }

        int size() {
            return size;
        }

        /** The table; the builder is not to be used afterwards. */
        NodeTable build() {
            return new NodeTable(slots, size == nodes.length ? nodes : Arrays.copyOf(nodes, size));
        }

        /** By place in the built table ({@link NodeTable#place}): each node's tag, -1 where none. */
        int[] tags() {
            return tags;
        }

        private void put(int i, Node node, int h, int tag) {
            if (size == nodes.length) {
                nodes = Arrays.copyOf(nodes, size * 2);
                tags = Arrays.copyOf(tags, size * 2);
            }
            nodes[size] = node;
            tags[size] = tag;
            slots[2 * i] = h;
            slots[2 * i + 1] = ++size;
            if (size * 4 > slots.length) {
                slots = doubled(slots);
            }
        }

        /** The slot holding the node named {@code name}, or the empty slot where it belongs. */
        private int slot(byte[] name, int h) {
            int mask = slots.length / 2 - 1;
            int i = h & mask;
            while (slots[2 * i + 1] != 0
                    && (slots[2 * i] != h || !Arrays.equals(nodes[slots[2 * i + 1] - 1].name(), name))) {
                i = (i + 1) & mask;
            }
            return i;
        }
    }

    /**
     * Slots of (hash, 1 + place) pairs, twice as many, each pair placed again by its hash: the growth
     * of this table's builder and of {@link NameTable}'s, which is laid out the same way.
     */
    static int[] doubled(int[] old) {
        int[] slots = new int[old.length * 2];
        int mask = slots.length / 2 - 1;
        for (int j = 0; j < old.length; j += 2) {
            if (old[j + 1] != 0) {
                int i = old[j] & mask;
                while (slots[2 * i + 1] != 0) {
                    i = (i + 1) & mask;
                }
                slots[2 * i] = old[j];
                slots[2 * i + 1] = old[j + 1];
            }
        }
        return slots;
    }
}
