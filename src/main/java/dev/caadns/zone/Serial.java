package dev.caadns.zone;

/** SOA serial numbers: 32-bit sequence space arithmetic (RFC 1982). */
public final class Serial {
    private static final long MODULO = 1L << 32;
    private static final long HALF = 1L << 31;

    private Serial() {
    }

    /** True when a is after b (RFC 1982 §3.2); two serials 2^31 apart are neither before nor after. */
    public static boolean isAfter(long a, long b) {
        long distance = (a - b) & (MODULO - 1);
        return distance != 0 && distance < HALF;
    }

    /** s + n for 0 <= n < 2^31 (RFC 1982 §3.1). */
    public static long add(long s, long n) {
        if (n < 0 || n >= HALF) {
            throw new IllegalArgumentException("can only add 0 to 2^31-1 to a serial, not " + n);
        }
        return (s + n) & (MODULO - 1);
    }
}
