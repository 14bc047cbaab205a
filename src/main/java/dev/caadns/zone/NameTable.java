package dev.caadns.zone;

import java.util.Arrays;

/**
 * An immutable open-addressing map from lowercase wire names to values. Lookups hash a slice of a
 * caller's buffer, so finding a name in the query costs no allocation.
 *
 * <p>Laid out as {@link NodeTable} is: the slots hold each name's hash beside its entry's place, so
 * a name that is not in the table is mostly turned away after reading one cache line, and an
 * entry's key and value sit side by side. A template's table of a million names is asked for every
 * name of its zone at load and at every query below its suffix, most often for a name it lacks.
 */
public final class NameTable<T> {
    /** By slot: the name's hash and 1 + its entry's place, side by side; 0 = empty. */
    private final int[] slots;
    /** By place: the key (lowercase wire name) at 2 * place, its value at 2 * place + 1. */
    private final Object[] entries;
    private final int mask;

    private NameTable(int[] slots, Object[] entries) {
        this.slots = slots;
        this.entries = entries;
        this.mask = slots.length / 2 - 1;
    }

    public int size() {
        return entries.length / 2;
    }

    /** The value stored under the name at buf[off, off+len), in any letter case, or null. */
    @SuppressWarnings("unchecked")
    public T get(byte[] buf, int off, int len) {
        int h = WireName.hash(buf, off, len);
        for (int i = h & mask; ; i = (i + 1) & mask) {
            int place = slots[2 * i + 1] - 1;
            if (place < 0) {
                return null;
            }
            if (slots[2 * i] == h) {
                byte[] key = (byte[]) entries[2 * place];
                if (key.length == len && WireName.equalsLowercase(key, buf, off)) {
                    return (T) entries[2 * place + 1];
                }
            }
        }
    }

    public T get(byte[] name) {
        return get(name, 0, name.length);
    }

    /** Collects entries in an open-addressing table kept at most half full, then freezes it. */
    public static final class Builder<T> {
        private int[] slots = new int[2 * 8];
        private Object[] entries = new Object[2 * 4];
        private int size;

        /** Adds or replaces; the key must be lowercase wire form. */
        public Builder<T> put(byte[] key, T value) {
            int h = WireName.hash(key, 0, key.length);
            int i = slot(key, h);
            int place = slots[2 * i + 1] - 1;
            if (place >= 0) {
                entries[2 * place + 1] = value;
                return this;
            }
            if (2 * size == entries.length) {
                entries = Arrays.copyOf(entries, 4 * size);
            }
            entries[2 * size] = key;
            entries[2 * size + 1] = value;
            slots[2 * i] = h;
            slots[2 * i + 1] = ++size;
            if (size * 4 > slots.length) {
                slots = NodeTable.doubled(slots);
            }
            return this;
        }

        public NameTable<T> build() {
            return new NameTable<>(slots.clone(), Arrays.copyOf(entries, 2 * size));
        }

        /** The slot holding {@code key}, or the empty slot where it belongs. */
        private int slot(byte[] key, int h) {
            int mask = slots.length / 2 - 1;
            int i = h & mask;
            while (slots[2 * i + 1] != 0
                    && (slots[2 * i] != h || !Arrays.equals((byte[]) entries[2 * (slots[2 * i + 1] - 1)], key))) {
                i = (i + 1) & mask;
            }
            return i;
        }
    }
}
