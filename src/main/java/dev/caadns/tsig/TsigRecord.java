package dev.caadns.tsig;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.xbill.DNS.Name;

/**
 * A TSIG RR (RFC 8945 §4.2) as read from a message: its names in canonical form (lowercase,
 * uncompressed, RFC 8945 §4.3.3) and its fields. Returns null from {@link #read} for anything
 * malformed, which the server answers with FORMERR.
 */
record TsigRecord(byte[] keyName, byte[] algorithm, long timeSigned, int fudge, byte[] mac, int originalId,
                  int error, byte[] other) {
    static final int TYPE = 250;
    static final int CLASS_ANY = 255;
    private static final int MAX_POINTERS = 64;

    /** Reads the TSIG RR that starts at {@code at} and must end exactly at {@code length}; null if malformed. */
    static TsigRecord read(byte[] m, int length, int at) {
        ByteArrayOutputStream owner = new ByteArrayOutputStream();
        int pos = readName(m, length, at, owner);
        if (pos < 0 || pos + 10 > length || u16(m, pos) != TYPE || u16(m, pos + 2) != CLASS_ANY
                || u32(m, pos + 4) != 0) {
            return null;
        }
        int rdlength = u16(m, pos + 8);
        int rdata = pos + 10;
        if (rdata + rdlength != length) {
            return null;
        }
        ByteArrayOutputStream algorithm = new ByteArrayOutputStream();
        int p = readName(m, length, rdata, algorithm);
        if (p < 0 || p + 10 > length) {
            return null;
        }
        long time = ((long) u16(m, p) << 32) | u32(m, p + 2);
        int fudge = u16(m, p + 6);
        int macSize = u16(m, p + 8);
        p += 10;
        if (p + macSize + 6 > length) {
            return null;
        }
        byte[] mac = Arrays.copyOfRange(m, p, p + macSize);
        p += macSize;
        int originalId = u16(m, p);
        int error = u16(m, p + 2);
        int otherLength = u16(m, p + 4);
        p += 6;
        if (p + otherLength != length) {
            return null;
        }
        return new TsigRecord(owner.toByteArray(), algorithm.toByteArray(), time, fudge, mac, originalId, error,
                Arrays.copyOfRange(m, p, p + otherLength));
    }

    Name keyNameAsName() {
        return toName(keyName);
    }

    Name algorithmAsName() {
        return toName(algorithm);
    }

    private static Name toName(byte[] wire) {
        try {
            return new Name(wire);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a name read from the wire does not parse back", e);
        }
    }

    /** Copies a possibly compressed name, lowercased and uncompressed; returns the offset after it, or -1. */
    private static int readName(byte[] m, int length, int pos, ByteArrayOutputStream out) {
        int end = -1;
        int pointers = 0;
        int octets = 0;
        while (pos < length) {
            int b = m[pos] & 0xff;
            if ((b & 0xc0) == 0xc0) {
                if (pos + 1 >= length || ++pointers > MAX_POINTERS) {
                    return -1;
                }
                if (end < 0) {
                    end = pos + 2;
                }
                pos = ((b & 0x3f) << 8) | (m[pos + 1] & 0xff);
                continue;
            }
            if ((b & 0xc0) != 0 || pos + b + 1 > length || (octets += b + 1) > 255) {
                return -1;
            }
            out.write(b);
            for (int i = 1; i <= b; i++) {
                int c = m[pos + i] & 0xff;
                out.write(c >= 'A' && c <= 'Z' ? c + 32 : c);
            }
            pos += b + 1;
            if (b == 0) {
                return end < 0 ? pos : end;
            }
        }
        return -1;
    }

    static int u16(byte[] m, int at) {
        return ((m[at] & 0xff) << 8) | (m[at + 1] & 0xff);
    }

    static long u32(byte[] m, int at) {
        return ((long) u16(m, at) << 16) | u16(m, at + 2);
    }
}
