package dev.caadns.zone;

import java.util.Arrays;

/**
 * Numbers wire names in the order they are first added, in an open-addressing table that finds a
 * slice of a caller's buffer without copying it: a million owners cost two int arrays and their
 * bytes, not a map entry each. Exact (as written) or ignoring ASCII case.
 */
final class NameIds {
    private final boolean ignoreCase;
    private byte[][] names;
    private int[] slots; // id + 1; 0 = empty
    private int size;

    NameIds(boolean ignoreCase) {
        this(ignoreCase, 16);
    }

    /** @param expected how many names are coming */
    NameIds(boolean ignoreCase, int expected) {
        this.ignoreCase = ignoreCase;
        this.names = new byte[Math.max(16, expected)][];
        // at most a third full when the expected names are in: most lookups find their slot first
        this.slots = new int[Integer.highestOneBit(names.length * 3) * 2];
    }

    int size() {
        return size;
    }

    byte[] name(int id) {
        return names[id];
    }

    /** Frees the lookup table; {@link #name} still works, finding and adding no longer do. */
    void freeze() {
        if (slots == null) {
            return;
        }
        slots = null;
        names = Arrays.copyOf(names, size);
    }

    /** The id of the name at buf[off, off+len), or -1. */
    int find(byte[] buf, int off, int len) {
        int at = slot(buf, off, len, WireName.hash(buf, off, len));
        return at >= 0 ? slots[at] - 1 : -1;
    }

    /** The id of the name, added (copied; lowercased when ignoring case) if new. */
    int add(byte[] buf, int off, int len) {
        int hash = WireName.hash(buf, off, len);
        int at = slot(buf, off, len, hash);
        if (at >= 0) {
            return slots[at] - 1;
        }
        byte[] name = ignoreCase ? WireName.lower(buf, off, len) : Arrays.copyOfRange(buf, off, off + len);
        return addNew(name, ~at, hash);
    }

    /** As {@link #add(byte[], int, int)}, keeping {@code name} itself when it needs no change. */
    int add(byte[] name) {
        int hash = WireName.hash(name, 0, name.length);
        int at = slot(name, 0, name.length, hash);
        if (at >= 0) {
            return slots[at] - 1;
        }
        return addNew(ignoreCase ? lowercase(name) : name, ~at, hash);
    }

    /**
     * The slot holding the name, or {@code ~slot} of the empty one where it would go: one hash and
     * one probe per lookup, which for a million names is mostly a cache miss on {@code slots}.
     */
    private int slot(byte[] buf, int off, int len, int hash) {
        int mask = slots.length - 1;
        for (int i = hash & mask; ; i = (i + 1) & mask) {
            int id = slots[i] - 1;
            if (id < 0) {
                return ~i;
            }
            if (same(names[id], buf, off, len)) {
                return i;
            }
        }
    }

    /**
     * Adds {@code kept[from + k]}, names as the table keeps them (lowercase when ignoring case), each
     * of hash {@code hashes[k]}, and replaces that hash with the name's id. The table is grown
     * first, so the loop is one probe per name with no call between, and the cache misses of
     * neighbouring names overlap.
     */
    void addAll(byte[][] kept, int from, int[] hashes) {
        int n = hashes.length;
        if (size + n > names.length) {
            names = Arrays.copyOf(names, size + n);
        }
        int capacity = slots.length;
        while ((size + n) * 2L > capacity) {
            capacity *= 2;
        }
        if (capacity != slots.length) {
            rehash(capacity);
        }
        int mask = slots.length - 1;
        for (int k = 0; k < n; k++) {
            byte[] name = kept[from + k];
            int i = hashes[k] & mask;
            int id = slots[i] - 1;
            while (id >= 0 && !Arrays.equals(names[id], name)) {
                i = (i + 1) & mask;
                id = slots[i] - 1;
            }
            if (id < 0) {
                names[size] = name;
                slots[i] = size + 1;
                id = size++;
            }
            hashes[k] = id;
        }
    }

    /** The name itself when already lowercase, else a lowercase copy. */
    static byte[] lowercase(byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (WireName.toLower(name[i]) != name[i]) {
                return WireName.lower(name, 0, name.length);
            }
        }
        return name;
    }

    private int addNew(byte[] name, int emptySlot, int hash) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
        }
        names[size] = name;
        if ((size + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
            place(size, hash);
        } else {
            slots[emptySlot] = size + 1;
        }
        return size++;
    }

    private void place(int id, int hash) {
        int mask = slots.length - 1;
        int i = hash & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = id + 1;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int id = 0; id < size; id++) {
            place(id, WireName.hash(names[id], 0, names[id].length));
        }
    }

    private boolean same(byte[] name, byte[] buf, int off, int len) {
        if (name.length != len) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            byte b = buf[off + i];
            if (name[i] != (ignoreCase ? WireName.toLower(b) : b)) {
                return false;
            }
        }
        return true;
    }
}
