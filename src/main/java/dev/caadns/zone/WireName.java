package dev.caadns.zone;

import org.xbill.DNS.Name;

/**
 * Helpers over names in uncompressed wire form ({@code 3www3lab4test0}). The index and the hot path keep
 * names this way, lowercased, so a name is found by hashing a slice of the query without allocating.
 */
public final class WireName {
    /** The longest name in wire form (RFC 1035 §2.3.4). */
    public static final int MAX_LENGTH = 255;

    private WireName() {
    }

    /** The lowercase wire form of a dnsjava name. */
    public static byte[] lower(Name name) {
        return name.toWireCanonical();
    }

    /** The wire form with the case as written. */
    public static byte[] asWritten(Name name) {
        return name.toWire();
    }

    /**
     * A hash that ignores ASCII case, so names hash alike however the client wrote them. FNV-1a,
     * then murmur3's finalizer: names that differ in a digit (h10, h11) otherwise land in runs of
     * neighbouring slots, and open addressing probes through the runs.
     */
    public static int hash(byte[] buf, int off, int len) {
        int h = 0x811c9dc5;
        for (int i = off, end = off + len; i < end; i++) {
            h = (h ^ toLower(buf[i])) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        return h ^ (h >>> 16);
    }

    public static byte toLower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + 32) : b;
    }

    /** Length of the uncompressed name starting at off (terminal zero included). */
    public static int length(byte[] name, int off) {
        int p = off;
        while (name[p] != 0) {
            p += (name[p] & 0xff) + 1;
        }
        return p - off + 1;
    }

    /**
     * True when buf[off, off + key.length) is {@code key}, a lowercase wire name, in any letter case:
     * the name tables' comparison of a query's slice with a key, which allocates nothing.
     */
    public static boolean equalsLowercase(byte[] key, byte[] buf, int off) {
        for (int i = 0; i < key.length; i++) {
            if (key[i] != toLower(buf[off + i])) {
                return false;
            }
        }
        return true;
    }

    /** Case-insensitive equality of two uncompressed names. */
    public static boolean equalsIgnoreCase(byte[] a, int aOff, byte[] b, int bOff) {
        while (true) {
            int la = a[aOff] & 0xff;
            if (la != (b[bOff] & 0xff)) {
                return false;
            }
            if (la == 0) {
                return true;
            }
            for (int i = 1; i <= la; i++) {
                if (toLower(a[aOff + i]) != toLower(b[bOff + i])) {
                    return false;
                }
            }
            aOff += la + 1;
            bOff += la + 1;
        }
    }

    /** True when {@code name} is {@code apex} or below it; both lowercase wire form. */
    public static boolean isAtOrBelow(byte[] name, byte[] apex) {
        int off = name.length - apex.length;
        if (off < 0) {
            return false;
        }
        int p = 0;
        while (p < off) {
            p += (name[p] & 0xff) + 1;
        }
        return p == off && java.util.Arrays.equals(name, off, name.length, apex, 0, apex.length);
    }

    /** A lowercase copy of the wire name at buf[off, off+len). */
    public static byte[] lower(byte[] buf, int off, int len) {
        byte[] name = new byte[len];
        for (int i = 0; i < len; i++) {
            name[i] = toLower(buf[off + i]);
        }
        return name;
    }

    /** Number of labels, the root not counted. */
    public static int labelCount(byte[] name) {
        int n = 0;
        for (int p = 0; name[p] != 0; p += (name[p] & 0xff) + 1) {
            n++;
        }
        return n;
    }

    /** True for a name whose first label is {@code *}: a wildcard (RFC 4592). */
    public static boolean isWildcard(byte[] name) {
        return name[0] == 1 && name[1] == '*';
    }

    public static Name toName(byte[] wire) {
        try {
            return new Name(new org.xbill.DNS.DNSInput(wire));
        } catch (org.xbill.DNS.WireParseException e) {
            throw new IllegalArgumentException("not a wire name", e);
        }
    }
}
