package dev.caadns.cookies;

/**
 * SipHash-2-4 (Aumasson and Bernstein), the keyed hash RFC 9018 makes server cookies with. The key
 * is two little-endian 64-bit words, as in the reference implementation. Allocates nothing.
 */
final class SipHash24 {
    private SipHash24() {
    }

    /** The 64-bit SipHash-2-4 of m[0, len) under the key (k0, k1). */
    static long hash(long k0, long k1, byte[] m, int len) {
        long v0 = k0 ^ 0x736f6d6570736575L;
        long v1 = k1 ^ 0x646f72616e646f6dL;
        long v2 = k0 ^ 0x6c7967656e657261L;
        long v3 = k1 ^ 0x7465646279746573L;
        int whole = len & ~7;
        int words = whole / 8 + 1; // the last word holds the tail and the length
        // Each word is 2 SipRounds; after the last word, finalization is 4 (one loop, one SipRound).
        for (int w = 0; w <= words; w++) {
            boolean compressing = w < words;
            long word = 0;
            if (compressing) {
                word = w < words - 1 ? littleEndian(m, w * 8, 8)
                        : ((long) len << 56) | littleEndian(m, whole, len - whole);
                v3 ^= word;
            } else {
                v2 ^= 0xff;
            }
            for (int round = compressing ? 2 : 4; round > 0; round--) {
                v0 += v1;
                v1 = Long.rotateLeft(v1, 13);
                v1 ^= v0;
                v0 = Long.rotateLeft(v0, 32);
                v2 += v3;
                v3 = Long.rotateLeft(v3, 16);
                v3 ^= v2;
                v0 += v3;
                v3 = Long.rotateLeft(v3, 21);
                v3 ^= v0;
                v2 += v1;
                v1 = Long.rotateLeft(v1, 17);
                v1 ^= v2;
                v2 = Long.rotateLeft(v2, 32);
            }
            v0 ^= word;
        }
        return v0 ^ v1 ^ v2 ^ v3;
    }

    /** count (0-8) bytes from m[off] as a little-endian number. */
    static long littleEndian(byte[] m, int off, int count) {
        long value = 0;
        for (int i = count - 1; i >= 0; i--) {
            value = (value << 8) | (m[off + i] & 0xffL);
        }
        return value;
    }
}
