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
            if (hashes[i] == h && key.length == len && equalsLowercaseKey(key, buf, off)) {
                return (T) values[i];
            }
        }
    }

    private static boolean equalsLowercaseKey(byte[] key, byte[] buf, int off) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != WireName.toLower(buf[off + i])) {
                return false;
            }
        }
        return true;
    }

    public T get(byte[] name) {
        return get(name, 0, name.length);
    }

    /** Collects entries, then freezes them into a table at most half full. */
    public static final class Builder<T> {
        private final java.util.LinkedHashMap<java.nio.ByteBuffer, T> entries = new java.util.LinkedHashMap<>();

        /** Adds or replaces; the key must be lowercase wire form. */
        public Builder<T> put(byte[] key, T value) {
            entries.put(java.nio.ByteBuffer.wrap(key), value);
            return this;
        }

        public T get(byte[] key) {
            return entries.get(java.nio.ByteBuffer.wrap(key));
        }

        public java.util.Collection<T> values() {
            return entries.values();
        }

        public NameTable<T> build() {
            int capacity = Integer.highestOneBit(Math.max(4, entries.size() * 2 - 1)) << 1;
            byte[][] keys = new byte[capacity][];
            int[] hashes = new int[capacity];
            Object[] values = new Object[capacity];
            int mask = capacity - 1;
            for (var e : entries.entrySet()) {
                byte[] key = e.getKey().array();
                int h = WireName.hash(key, 0, key.length);
                int i = h & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = key;
                hashes[i] = h;
                values[i] = e.getValue();
            }
            return new NameTable<>(keys, hashes, values, entries.size());
        }
    }
}
