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
        this.slots = new int[Integer.highestOneBit(names.length) * 4];
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
        int mask = slots.length - 1;
        for (int i = WireName.hash(buf, off, len) & mask; ; i = (i + 1) & mask) {
            int id = slots[i] - 1;
            if (id < 0) {
                return -1;
            }
            if (same(names[id], buf, off, len)) {
                return id;
            }
        }
    }

    /** The id of the name, added (copied; lowercased when ignoring case) if new. */
    int add(byte[] buf, int off, int len) {
        int id = find(buf, off, len);
        if (id >= 0) {
            return id;
        }
        byte[] name = Arrays.copyOfRange(buf, off, off + len);
        return addNew(ignoreCase ? lowercase(name) : name);
    }

    /** As {@link #add(byte[], int, int)}, keeping {@code name} itself when it needs no change. */
    int add(byte[] name) {
        int id = find(name, 0, name.length);
        if (id >= 0) {
            return id;
        }
        return addNew(ignoreCase ? lowercase(name) : name);
    }

    /** The name itself when already lowercase, else a lowercase copy. */
    private static byte[] lowercase(byte[] name) {
        for (int i = 0; i < name.length; i++) {
            if (WireName.toLower(name[i]) != name[i]) {
                return WireName.lower(name, 0, name.length);
            }
        }
        return name;
    }

    private int addNew(byte[] name) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
        }
        names[size] = name;
        if ((size + 1) * 2 > slots.length) {
            rehash(slots.length * 2);
        }
        place(size);
        return size++;
    }

    private void place(int id) {
        int mask = slots.length - 1;
        int i = WireName.hash(names[id], 0, names[id].length) & mask;
        while (slots[i] != 0) {
            i = (i + 1) & mask;
        }
        slots[i] = id + 1;
    }

    private void rehash(int capacity) {
        slots = new int[capacity];
        for (int id = 0; id < size; id++) {
            place(id);
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
