package dev.caadns.zone;

import java.util.function.Consumer;

/**
 * A zone's nodes by lowercase wire name: an immutable open-addressing table like {@link NameTable},
 * whose keys are the nodes' own names, so a million names cost two arrays of a slot each and no key
 * array. Lookups hash a slice of a caller's buffer: finding a name in the query allocates nothing.
 */
final class NodeTable {
    private final int[] hashes;
    private final Node[] nodes;
    private final int mask;
    private final int size;

    private NodeTable(int[] hashes, Node[] nodes, int size) {
        this.hashes = hashes;
        this.nodes = nodes;
        this.mask = nodes.length - 1;
        this.size = size;
    }

    int size() {
        return size;
    }

    /** The node named buf[off, off+len), in any letter case, or null. */
    Node get(byte[] buf, int off, int len) {
        int i = slot(buf, off, len);
        return i < 0 ? null : nodes[i];
    }

    Node get(byte[] name) {
        return get(name, 0, name.length);
    }

    /** Where the name at buf[off, off+len) is in the table (0 to {@link #capacity()} - 1), or -1. */
    int slot(byte[] buf, int off, int len) {
        int h = WireName.hash(buf, off, len);
        for (int i = h & mask; ; i = (i + 1) & mask) {
            Node node = nodes[i];
            if (node == null) {
                return -1;
            }
            if (hashes[i] == h && node.name().length == len && equalsLowercaseKey(node.name(), buf, off)) {
                return i;
            }
        }
    }

    int capacity() {
        return nodes.length;
    }

    /** The node in slot i (0 to {@link #capacity()} - 1), or null. */
    Node at(int slot) {
        return nodes[slot];
    }

    private static boolean equalsLowercaseKey(byte[] key, byte[] buf, int off) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != WireName.toLower(buf[off + i])) {
                return false;
            }
        }
        return true;
    }

    /** Every node, in no particular order. */
    void forEach(Consumer<Node> action) {
        for (Node node : nodes) {
            if (node != null) {
                action.accept(node);
            }
        }
    }

    /**
     * Collects nodes in an open-addressing table kept at most half full, then freezes it. Each node
     * may carry an int tag, kept by its slot (see {@link #tags()}): the load's bookkeeping by node
     * without a field in every node or a second lookup per name.
     */
    static final class Builder {
        private int[] hashes;
        private Node[] nodes;
        private int[] tags;
        private int size;

        /** @param expected how many nodes are coming: a table sized for them is never regrown */
        Builder(int expected) {
            int capacity = Integer.highestOneBit(Math.max(4, expected) * 2 - 1) * 2;
            hashes = new int[capacity];
            nodes = new Node[capacity];
            tags = new int[capacity];
        }

        /** Adds a node whose lowercase name is not in the table yet. */
        void add(Node node, int tag) {
            byte[] name = node.name();
            int h = WireName.hash(name, 0, name.length);
            int i = slot(name, h);
            if (nodes[i] != null) {
                throw new IllegalArgumentException("name already in the table");
            }
            put(i, node, h, tag);
        }

        /** The node of a lowercase name, added with tag -1 when new: one probe either way. */
        Node getOrAdd(byte[] name) {
            int h = WireName.hash(name, 0, name.length);
            int i = slot(name, h);
            Node node = nodes[i];
            if (node == null) {
                node = new Node(name);
                put(i, node, h, -1);
            }
            return node;
        }

        int size() {
            return size;
        }

        /** The table; the builder is not to be used afterwards. */
        NodeTable build() {
            return new NodeTable(hashes, nodes, size);
        }

        /** By slot of the built table ({@link NodeTable#slot}): each node's tag, -1 where none. */
        int[] tags() {
            return tags;
        }

        private void put(int i, Node node, int h, int tag) {
            nodes[i] = node;
            hashes[i] = h;
            tags[i] = tag;
            if (++size * 2 > nodes.length) {
                grow();
            }
        }

        /** The slot holding the node named {@code name}, or the empty slot where it belongs. */
        private int slot(byte[] name, int h) {
            int mask = nodes.length - 1;
            int i = h & mask;
            while (nodes[i] != null && (hashes[i] != h || !java.util.Arrays.equals(nodes[i].name(), name))) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            int[] oldHashes = hashes;
            Node[] oldNodes = nodes;
            int[] oldTags = tags;
            hashes = new int[oldNodes.length * 2];
            nodes = new Node[hashes.length];
            tags = new int[hashes.length];
            for (int j = 0; j < oldNodes.length; j++) {
                if (oldNodes[j] != null) {
                    int i = slot(oldNodes[j].name(), oldHashes[j]);
                    nodes[i] = oldNodes[j];
                    hashes[i] = oldHashes[j];
                    tags[i] = oldTags[j];
                }
            }
        }
    }
}
