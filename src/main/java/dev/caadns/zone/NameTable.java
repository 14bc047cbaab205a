package dev.caadns.zone;

/**
 * An immutable open-addressing map from lowercase wire names to values. Lookups hash a slice of a
 * caller's buffer, so finding a name in the query costs no allocation.
 */
public final class NameTable<T> {
    private final byte[][] keys;
    private final int[] hashes;
    private final Object[] values;
    private final int mask;
    private final int size;

    private NameTable(byte[][] keys, int[] hashes, Object[] values, int size) {
        this.keys = keys;
        this.hashes = hashes;
        this.values = values;
        this.mask = keys.length - 1;
        this.size = size;
    }

    public int size() {
        return size;
    }

    /** The value stored under the name at buf[off, off+len), in any letter case, or null. */
    @SuppressWarnings("unchecked")
    public T get(byte[] buf, int off, int len) {
        int h = WireName.hash(buf, off, len);
        for (int i = h & mask; ; i = (i + 1) & mask) {
            byte[] key = keys[i];
            if (key == null) {
                return null;
            }
            if (hashes[i] == h && key.length == len && WireName.equalsLowercase(key, buf, off)) {
                return (T) values[i];
            }
        }
    }

    public T get(byte[] name) {
        return get(name, 0, name.length);
    }

    /** Every value, in no particular order. */
    @SuppressWarnings("unchecked")
    public void forEach(java.util.function.Consumer<T> action) {
        for (int i = 0; i < keys.length; i++) {
            if (keys[i] != null) {
                action.accept((T) values[i]);
            }
        }
    }

    /** Collects entries in an open-addressing table kept at most half full, then freezes it. */
    public static final class Builder<T> {
        private byte[][] keys = new byte[8][];
        private int[] hashes = new int[8];
        private Object[] values = new Object[8];
        private int size;

        /** Adds or replaces; the key must be lowercase wire form. */
        public Builder<T> put(byte[] key, T value) {
            int h = WireName.hash(key, 0, key.length);
            int i = slot(key, h);
            if (keys[i] == null) {
                keys[i] = key;
                hashes[i] = h;
                size++;
            }
            values[i] = value;
            if (size * 2 > keys.length) {
                grow();
            }
            return this;
        }

        @SuppressWarnings("unchecked")
        public T get(byte[] key) {
            return (T) values[slot(key, WireName.hash(key, 0, key.length))];
        }

        public NameTable<T> build() {
            return new NameTable<>(keys.clone(), hashes.clone(), values.clone(), size);
        }

        /** The slot holding {@code key}, or the empty slot where it belongs. */
        private int slot(byte[] key, int h) {
            int mask = keys.length - 1;
            int i = h & mask;
            while (keys[i] != null && (hashes[i] != h || !java.util.Arrays.equals(keys[i], key))) {
                i = (i + 1) & mask;
            }
            return i;
        }

        private void grow() {
            byte[][] oldKeys = keys;
            int[] oldHashes = hashes;
            Object[] oldValues = values;
            keys = new byte[oldKeys.length * 2][];
            hashes = new int[keys.length];
            values = new Object[keys.length];
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != null) {
                    int i = slot(oldKeys[j], oldHashes[j]);
                    keys[i] = oldKeys[j];
                    hashes[i] = oldHashes[j];
                    values[i] = oldValues[j];
                }
            }
        }
    }
}
