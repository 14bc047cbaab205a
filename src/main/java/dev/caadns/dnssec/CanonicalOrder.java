package dev.caadns.dnssec;

import dev.caadns.zone.WireName;

/**
 * RFC 4034 §6.1 canonical name order over uncompressed wire names: labels compared from the
 * rightmost, each as lowercase unsigned octets, a shorter label before a longer one it prefixes.
 */
final class CanonicalOrder {
    private static final int MAX_LABELS = 128;

    private CanonicalOrder() {
    }

    static int compare(byte[] a, int aOff, byte[] b, int bOff) {
        int[] aLabels = new int[MAX_LABELS];
        int[] bLabels = new int[MAX_LABELS];
        int an = labels(a, aOff, aLabels);
        int bn = labels(b, bOff, bLabels);
        for (int i = an - 1, j = bn - 1; i >= 0 && j >= 0; i--, j--) {
            int c = compareLabel(a, aLabels[i], b, bLabels[j]);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(an, bn);
    }

    static int compare(byte[] a, byte[] b) {
        return compare(a, 0, b, 0);
    }

    private static int labels(byte[] name, int off, int[] starts) {
        int n = 0;
        for (int p = off; name[p] != 0; p += (name[p] & 0xff) + 1) {
            starts[n++] = p;
        }
        return n;
    }

    private static int compareLabel(byte[] a, int ap, byte[] b, int bp) {
        int al = a[ap] & 0xff;
        int bl = b[bp] & 0xff;
        for (int i = 1; i <= Math.min(al, bl); i++) {
            int c = Integer.compare(WireName.toLower(a[ap + i]) & 0xff, WireName.toLower(b[bp + i]) & 0xff);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(al, bl);
    }

    /** The name just after name in canonical order: {@code \000.name} (RFC 4470 §3.1.2). */
    static byte[] successor(byte[] name, int off, int len) {
        if (len + 2 > 255) {
            return null;
        }
        byte[] next = new byte[len + 2];
        next[0] = 1;
        System.arraycopy(name, off, next, 2, len);
        lowercase(next);
        return next;
    }

    /**
     * The name just after name and all its descendants: its first label with {@code \000} appended.
     * As the next name of an NSEC covering a name that does not exist, it keeps the closest encloser
     * a validator derives at the name's parent (a next name below the name would prove it exists).
     */
    static byte[] afterSubtree(byte[] name, int off, int len) {
        int labelLength = name[off] & 0xff;
        if (labelLength >= 63 || len >= 255) {
            return null;
        }
        byte[] out = new byte[len + 1];
        out[0] = (byte) (labelLength + 1);
        System.arraycopy(name, off + 1, out, 1, labelLength);
        out[labelLength + 1] = 0;
        System.arraycopy(name, off + labelLength + 1, out, labelLength + 2, len - labelLength - 1);
        lowercase(out);
        return out;
    }

    /**
     * A name just before name in canonical order and after everything a zone plausibly holds below
     * it: the first label's last octet lowered, with {@code \377} appended (RFC 4470 §3.1.2's idea,
     * shortened); a first label ending in {@code \000} simply loses that octet.
     */
    static byte[] predecessor(byte[] name, int off, int len) {
        int labelLength = name[off] & 0xff;
        int last = name[off + labelLength] & 0xff;
        if (last == 0 && labelLength > 1) {
            byte[] out = new byte[len - 1];
            out[0] = (byte) (labelLength - 1);
            System.arraycopy(name, off + 1, out, 1, labelLength - 1);
            System.arraycopy(name, off + labelLength + 1, out, labelLength, len - labelLength - 1);
            lowercase(out);
            return out;
        }
        boolean room = labelLength < 63 && len < 255;
        byte[] out = new byte[len + (room ? 1 : 0)];
        out[0] = (byte) (labelLength + (room ? 1 : 0));
        System.arraycopy(name, off + 1, out, 1, labelLength);
        lowercase(out);
        int lowered = (WireName.toLower((byte) last) & 0xff) - 1;
        if (lowered >= 'A' && lowered <= 'Z') {
            lowered = 'A' - 1; // uppercase letters sort as lowercase ones: the next octet below is '@'
        }
        out[labelLength] = (byte) Math.max(lowered, 0);
        if (room) {
            out[labelLength + 1] = (byte) 0xff;
        }
        System.arraycopy(name, off + labelLength + 1, out, out[0] + 1, len - labelLength - 1);
        lowercase(out);
        return out;
    }

    private static void lowercase(byte[] name) {
        for (int p = 0; name[p] != 0; p += (name[p] & 0xff) + 1) {
            for (int i = 1; i <= (name[p] & 0xff); i++) {
                name[p + i] = WireName.toLower(name[p + i]);
            }
        }
    }
}
