package dev.caadns.dnssec;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/** The type bit maps field of NSEC (RFC 4034 §4.1.2): window blocks of up to 32 octets. */
final class TypeBitmap {
    private TypeBitmap() {
    }

    static byte[] encode(int[] types) {
        int[] sorted = Arrays.stream(types).distinct().sorted().toArray();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < sorted.length) {
            int window = sorted[i] >> 8;
            byte[] bits = new byte[32];
            int used = 0;
            while (i < sorted.length && sorted[i] >> 8 == window) {
                int low = sorted[i] & 0xff;
                bits[low >> 3] |= (byte) (0x80 >> (low & 7));
                used = (low >> 3) + 1;
                i++;
            }
            out.write(window);
            out.write(used);
            out.write(bits, 0, used);
        }
        return out.toByteArray();
    }

    /** NSEC RDATA: the next owner name, then the bitmap. */
    static byte[] nsecRdata(byte[] next, int[] types) {
        byte[] bitmap = encode(types);
        byte[] out = Arrays.copyOf(next, next.length + bitmap.length);
        System.arraycopy(bitmap, 0, out, next.length, bitmap.length);
        return out;
    }
}
