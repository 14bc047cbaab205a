package dev.caadns.zone;

import org.xbill.DNS.Address;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Type;

/**
 * The fast path for the records most zones are made of: plain {@link EntryWords}, class IN, a
 * numeric TTL if any, and A, AAAA, NS, CNAME, PTR, MX, TXT, CAA or SOA rdata in its usual form.
 * It writes owner and rdata straight in wire form, by the rules dnsjava's text parser applies to
 * such text, so the bytes are the ones that parser gives. Whatever it does not recognise makes it
 * answer "not mine" (false) and the caller uses dnsjava's tokenizer, errors included.
 */
final class PlainRecordReader {

    private static final long MAX_U16 = 0xFFFF;
    private static final long MAX_U32 = 0xFFFFFFFFL;
    private static final int MAX_NAME = 255;
    private static final int MAX_LABEL = 63;
    private static final int MAX_STRING = 255;
    private static final String[] TYPE_NAMES = {"A", "AAAA", "NS", "CNAME", "PTR", "MX", "TXT",
        "CAA", "SOA"};
    private static final int[] TYPES = {Type.A, Type.AAAA, Type.NS, Type.CNAME, Type.PTR, Type.MX,
        Type.TXT, Type.CAA, Type.SOA};

    private final EntryWords words = new EntryWords();
    private int ownerWord;
    private long ttl;
    private int type;
    private int rdataWord;

    private final byte[] owner = new byte[MAX_NAME];
    private int ownerLength;
    private byte[] rdata = new byte[1024];
    private int rdataLength;

    /**
     * Reads the owner and header words, {@code owner [IN] [ttl] [IN] type}, of text[from, to); false
     * when the entry is not one this reader handles.
     */
    boolean header(byte[] text, int from, int to, boolean ownerOmitted) {
        if (!words.split(text, from, to)) {
            return false;
        }
        ownerWord = ownerOmitted ? -1 : 0;
        int i = ownerWord + 1;
        if (ownerWord == 0 && (words.count() == 0 || words.quoted(0))) {
            return false;
        }
        boolean classSeen = words.is(i, "IN");
        if (classSeen) {
            i++;
        }
        ttl = -1;
        if (words.startsWithDigit(i)) {
            // larger TTLs are clamped by dnsjava's parser; left to it
            ttl = words.number(i, Integer.MAX_VALUE);
            if (ttl < 0) {
                return false;
            }
            i++;
        }
        if (!classSeen && words.is(i, "IN")) {
            i++;
        }
        type = typeAt(i);
        rdataWord = i + 1;
        return type >= 0;
    }

    /** The header's TTL, -1 when omitted. */
    long ttl() {
        return ttl;
    }

    int type() {
        return type;
    }

    /**
     * Reads the owner written in the entry into {@link #owner()}; false when it was omitted or does
     * not parse.
     */
    boolean owner(byte[] origin) {
        if (ownerWord < 0) {
            return false;
        }
        ownerLength = name(ownerWord, origin, owner, 0);
        return ownerLength > 0;
    }

    boolean ownerWritten() {
        return ownerWord >= 0;
    }

    byte[] owner() {
        return owner;
    }

    int ownerLength() {
        return ownerLength;
    }

    /** Reads the rdata into {@link #rdata()}; false when not plain. */
    boolean rdata(byte[] origin) {
        int n = words.count() - rdataWord;
        rdataLength = 0;
        return switch (type) {
            case Type.A -> n == 1 && ipv4(rdataWord);
            case Type.AAAA -> n == 1 && ipv6(rdataWord);
            case Type.NS, Type.CNAME, Type.PTR -> n == 1 && appendName(rdataWord, origin);
            case Type.MX -> n == 2 && appendNumber(rdataWord, MAX_U16, 2)
                    && appendName(rdataWord + 1, origin);
            case Type.TXT -> n >= 1 && txt();
            case Type.CAA -> n == 3 && caa();
            case Type.SOA -> n == 7 && soa(origin);
            default -> false;
        };
    }

    byte[] rdata() {
        return rdata;
    }

    int rdataLength() {
        return rdataLength;
    }

    int dclass() {
        return DClass.IN;
    }

    private int typeAt(int i) {
        for (int t = 0; t < TYPE_NAMES.length; t++) {
            if (words.is(i, TYPE_NAMES[t])) {
                return TYPES[t];
            }
        }
        return -1;
    }

    /** dnsjava's {@code Address} rules for IPv4: four decimal octets, no leading zeros. */
    private boolean ipv4(int w) {
        if (words.quoted(w)) {
            return false;
        }
        byte[] text = words.text();
        int octets = 0;
        int value = 0;
        int digits = 0;
        ensure(4);
        for (int p = words.start(w); p < words.end(w); p++) {
            byte c = text[p];
            if (c >= '0' && c <= '9') {
                if (digits == 3 || (digits > 0 && value == 0)) {
                    return false;
                }
                digits++;
                value = value * 10 + (c - '0');
                if (value > 255) {
                    return false;
                }
            } else if (c == '.') {
                if (octets == 3 || digits == 0) {
                    return false;
                }
                rdata[rdataLength++] = (byte) value;
                octets++;
                value = 0;
                digits = 0;
            } else {
                return false;
            }
        }
        if (octets != 3 || digits == 0) {
            return false;
        }
        rdata[rdataLength++] = (byte) value;
        return true;
    }

    private boolean ipv6(int w) {
        if (words.quoted(w)) {
            return false;
        }
        byte[] address = Address.toByteArray(words.word(w), Address.IPv6);
        if (address == null) {
            return false;
        }
        append(address, 0, address.length);
        return true;
    }

    private boolean txt() {
        for (int i = rdataWord; i < words.count(); i++) {
            if (!appendString(i)) {
                return false;
            }
        }
        return true;
    }

    private boolean caa() {
        if (!appendNumber(rdataWord, 255, 1) || !appendString(rdataWord + 1)) {
            return false;
        }
        int value = rdataWord + 2;
        if (words.length(value) > MAX_STRING) {
            return false; // the tokenized path reads long values (RFC 8659 allows them)
        }
        append(words.text(), words.start(value), words.length(value));
        return true;
    }

    private boolean soa(byte[] origin) {
        if (!appendName(rdataWord, origin) || !appendName(rdataWord + 1, origin)) {
            return false;
        }
        for (int i = 0; i < 5; i++) {
            if (!appendNumber(rdataWord + 2 + i, MAX_U32, 4)) {
                return false;
            }
        }
        return true;
    }

    private boolean appendNumber(int w, long max, int bytes) {
        long value = words.number(w, max);
        if (value < 0) {
            return false;
        }
        ensure(bytes);
        for (int shift = (bytes - 1) * 8; shift >= 0; shift -= 8) {
            rdata[rdataLength++] = (byte) (value >>> shift);
        }
        return true;
    }

    /** A character-string: length byte and bytes; over 255 bytes is left to dnsjava's error. */
    private boolean appendString(int w) {
        int length = words.length(w);
        if (length > MAX_STRING) {
            return false;
        }
        ensure(length + 1);
        rdata[rdataLength++] = (byte) length;
        System.arraycopy(words.text(), words.start(w), rdata, rdataLength, length);
        rdataLength += length;
        return true;
    }

    private boolean appendName(int w, byte[] origin) {
        ensure(MAX_NAME);
        int length = name(w, origin, rdata, rdataLength);
        rdataLength += Math.max(length, 0);
        return length > 0;
    }

    private void append(byte[] bytes, int off, int length) {
        ensure(length);
        System.arraycopy(bytes, off, rdata, rdataLength, length);
        rdataLength += length;
    }

    private void ensure(int more) {
        if (rdataLength + more > rdata.length) {
            rdata = java.util.Arrays.copyOf(rdata, Math.max(rdata.length * 2, rdataLength + more));
        }
    }

    /**
     * An unquoted word as an absolute wire name written at out[off], by {@code Name.fromString}'s
     * rules for text without escapes ({@code @}, relative names, labels of 1-63 bytes, 255 in all);
     * the length, or -1 when the word is not such a name.
     */
    private int name(int w, byte[] origin, byte[] out, int off) {
        if (words.quoted(w)) {
            return -1;
        }
        byte[] text = words.text();
        int start = words.start(w);
        int end = words.end(w);
        if (end - start == 1 && text[start] == '@') {
            System.arraycopy(origin, 0, out, off, origin.length);
            return origin.length;
        }
        if (end - start == 1 && text[start] == '.') {
            out[off] = 0;
            return 1;
        }
        int p = off;
        int labelStart = start;
        for (int i = start; i <= end; i++) {
            if (i < end && text[i] != '.') {
                continue;
            }
            int length = i - labelStart;
            if (length == 0) {
                if (i < end || labelStart == start) {
                    return -1; // empty label
                }
                break; // trailing dot: absolute
            }
            if (length > MAX_LABEL || p - off + length + 1 + 1 > MAX_NAME) {
                return -1;
            }
            out[p++] = (byte) length;
            System.arraycopy(text, labelStart, out, p, length);
            p += length;
            labelStart = i + 1;
        }
        boolean absolute = text[end - 1] == '.';
        if (absolute) {
            out[p++] = 0;
            return p - off;
        }
        if (p - off + origin.length > MAX_NAME) {
            return -1;
        }
        System.arraycopy(origin, 0, out, p, origin.length);
        return p - off + origin.length;
    }
}
