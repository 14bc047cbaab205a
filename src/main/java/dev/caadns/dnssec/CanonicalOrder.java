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

    private static final int MAX_NAME = 255;
    private static final int MAX_LABEL = 63;
    private static final int MAX_OCTET = 0xff;

    /**
     * The name just after name in canonical order: {@code \000.name} (RFC 4471 §3.2), or where that
     * is too long (so name can have no descendants) the name after its subtree.
     *
     * @param originLength the length of the zone's origin, a suffix of name
     * @return null when nothing in the zone sorts after name (the next name is then the apex)
     */
    static byte[] successor(byte[] name, int off, int len, int originLength) {
        if (len + 2 > MAX_NAME) {
            return afterSubtree(name, off, len, originLength);
        }
        byte[] next = new byte[len + 2];
        next[0] = 1;
        System.arraycopy(name, off, next, 2, len);
        lowercase(next);
        return next;
    }

    /**
     * The first name after name and all its descendants, its next sibling (RFC 4471 §3.2's absolute
     * method without the descent): the first label with {@code \000} appended, or where the label is
     * full its last octet raised (uppercase letters skipped, as they sort as lowercase ones); a label
     * of nothing but {@code \377} goes up to the parent's next sibling. As the next name of an NSEC
     * covering a name that does not exist, it keeps the closest encloser a validator derives at the
     * name's parent (a next name below the name would prove it exists).
     *
     * @param originLength the length of the zone's origin, a suffix of name
     * @return null when nothing in the zone sorts after name's subtree (the next name is then the apex)
     */
    static byte[] afterSubtree(byte[] name, int off, int len, int originLength) {
        if (len <= originLength) {
            return null;
        }
        int labelLength = name[off] & 0xff;
        if (labelLength < MAX_LABEL && len < MAX_NAME) {
            byte[] out = new byte[len + 1];
            out[0] = (byte) (labelLength + 1);
            System.arraycopy(name, off + 1, out, 1, labelLength);
            System.arraycopy(name, off + labelLength + 1, out, labelLength + 2, len - labelLength - 1);
            lowercase(out);
            return out;
        }
        int keep = labelLength;
        while (keep > 0 && (name[off + keep] & 0xff) == MAX_OCTET) {
            keep--;
        }
        if (keep == 0) {
            return afterSubtree(name, off + labelLength + 1, len - labelLength - 1, originLength);
        }
        byte[] out = new byte[len - labelLength + keep];
        out[0] = (byte) keep;
        System.arraycopy(name, off + 1, out, 1, keep);
        System.arraycopy(name, off + labelLength + 1, out, keep + 1, len - labelLength - 1);
        lowercase(out);
        int raised = (out[keep] & 0xff) + 1;
        out[keep] = (byte) (raised >= 'A' && raised <= 'Z' ? 'Z' + 1 : raised);
        return out;
    }

    /**
     * The name just before name in canonical order, so that no name at all lies between them (RFC 4471
     * §3.1.1's absolute method): a first label of one {@code \000} octet goes, leaving the parent; else
     * the first label's last octet is lowered ({@code \000} dropped, uppercase letters skipped) and the
     * label filled with {@code \377} octets, and the name is then filled to 255 octets with labels of
     * {@code \377} octets: the last name of the subtree sorting before name. Whatever a template makes
     * up, an NSEC from here to {@link #afterSubtree} denies only name and its descendants.
     */
    static byte[] predecessor(byte[] name, int off, int len) {
        int labelLength = name[off] & 0xff;
        if (labelLength == 1 && name[off + 1] == 0) {
            byte[] parent = java.util.Arrays.copyOfRange(name, off + 2, off + len);
            lowercase(parent);
            return parent;
        }
        int rest = len - labelLength - 1;
        byte[] label;
        if (name[off + labelLength] == 0) {
            label = java.util.Arrays.copyOfRange(name, off + 1, off + labelLength);
        } else {
            int room = Math.min(MAX_LABEL, MAX_NAME - rest - 1);
            label = new byte[room];
            java.util.Arrays.fill(label, (byte) MAX_OCTET);
            System.arraycopy(name, off + 1, label, 0, labelLength);
            int lowered = (WireName.toLower(name[off + labelLength]) & 0xff) - 1;
            label[labelLength - 1] = (byte) (lowered >= 'A' && lowered <= 'Z' ? 'A' - 1 : lowered);
        }
        int filled = label.length + 1 + rest;
        // the labels right above the kept part count first in the order: they get the full 63 octets
        int room = MAX_NAME - filled;
        int full = room / (MAX_LABEL + 1);
        int leftmost = room % (MAX_LABEL + 1) - 1;
        byte[] out = new byte[filled + full * (MAX_LABEL + 1) + (leftmost > 0 ? leftmost + 1 : 0)];
        int p = 0;
        for (int i = leftmost > 0 ? -1 : 0; i < full; i++) {
            int l = i < 0 ? leftmost : MAX_LABEL;
            out[p++] = (byte) l;
            java.util.Arrays.fill(out, p, p + l, (byte) MAX_OCTET);
            p += l;
        }
        out[p++] = (byte) label.length;
        System.arraycopy(label, 0, out, p, label.length);
        p += label.length;
        System.arraycopy(name, off + labelLength + 1, out, p, rest);
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
