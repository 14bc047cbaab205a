package dev.caadns.rrl;

/**
 * Token buckets in a fixed hash table, as Knot's RRL keeps them: each bucket gains rate tokens a
 * second up to rate (one second of burst) and a response takes one. A bucket whose slot another key
 * takes starts full again, so a collision can only be generous. Thread-safe through striped locks;
 * allocates nothing.
 */
final class RateTable {
    private static final int STRIPES = 64;
    private static final long MILLI = 1000;

    private final long rate;
    private final int mask;
    private final long[] keys;
    /** Thousandths of a token, so refills of a millisecond count at any rate. */
    private final long[] tokens;
    private final long[] lastMillis;
    private final Object[] locks = new Object[STRIPES];

    RateTable(int rate, int size) {
        this.rate = rate;
        int slots = Integer.highestOneBit(Math.max(size, STRIPES) - 1) << 1;
        this.mask = slots - 1;
        this.keys = new long[slots];
        this.tokens = new long[slots];
        this.lastMillis = new long[slots];
        for (int i = 0; i < STRIPES; i++) {
            locks[i] = new Object();
        }
    }

    /** Takes a token from key's bucket (key not 0: 0 marks a free slot); false when it is empty. */
    boolean take(long key, long nowMillis) {
        int slot = (int) mix(key) & mask;
        synchronized (locks[slot & (STRIPES - 1)]) {
            long full = rate * MILLI;
            long left;
            if (keys[slot] != key) {
                keys[slot] = key;
                left = full;
            } else {
                long elapsed = Math.max(0, nowMillis - lastMillis[slot]);
                left = Math.min(full, tokens[slot] + elapsed * rate);
            }
            lastMillis[slot] = nowMillis;
            if (left < MILLI) {
                tokens[slot] = left;
                return false;
            }
            tokens[slot] = left - MILLI;
            return true;
        }
    }

    /** Spreads the key's bits over the slot index (a 64-bit finalizer, as in SplitMix64). */
    private static long mix(long key) {
        long z = key;
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
