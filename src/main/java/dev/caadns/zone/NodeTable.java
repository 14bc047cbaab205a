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

    /** Collects nodes in an open-addressing table kept at most half full, then freezes it. */
    static final class Builder {
        private int[] hashes = new int[8];
        private Node[] nodes = new Node[8];
        private int size;

        /** Adds a node whose lowercase name is not in the table yet. */
        void add(Node node) {
            byte[] name = node.name();
            int h = WireName.hash(name, 0, name.length);
            int i = slot(name, h);
            if (nodes[i] != null) {
                throw new IllegalArgumentException("name already in the table");
            }
            nodes[i] = node;
            hashes[i] = h;
            if (++size * 2 > nodes.length) {
                grow();
            }
        }

        /** The node of a lowercase name, or null. */
        Node get(byte[] name) {
            return nodes[slot(name, WireName.hash(name, 0, name.length))];
        }

        /** The table; the builder is not to be used afterwards. */
        NodeTable build() {
            return new NodeTable(hashes, nodes, size);
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
            hashes = new int[oldNodes.length * 2];
            nodes = new Node[hashes.length];
            for (int j = 0; j < oldNodes.length; j++) {
                if (oldNodes[j] != null) {
                    int i = slot(oldNodes[j].name(), oldHashes[j]);
                    nodes[i] = oldNodes[j];
                    hashes[i] = oldHashes[j];
                }
            }
        }
    }
}
