package dev.caadns.wire;

/**
 * Reads a query's header, question and EDNS OPT record. Decides FORMERR, NOTIMP and BADVERS here so
 * the answer path only ever sees well-formed questions.
 */
public final class QueryParser {
    static final int HEADER = 12;
    private static final int TYPE_OPT = 41;
    private static final int TYPE_TSIG = 250;
    private static final int TYPE_SOA = 6;
    private static final int TYPE_IXFR = 251;
    private static final int OPTION_NSID = 3;
    private static final int OPTION_COOKIE = 10;
    private static final int CLIENT_COOKIE = 8;
    private static final int MIN_WITH_SERVER_COOKIE = 16;
    private static final int MAX_POINTERS = 64;

    private QueryParser() {
    }

    public static ParseResult parse(byte[] p, int len, Query q) {
        q.questionParsed = false;
        q.edns = false;
        q.nsidRequested = false;
        q.cookieLength = 0;
        q.validServerCookie = false;
        q.dnssecOk = false;
        q.ednsVersion = 0;
        q.ednsPayload = 512;
        q.tsigAt = -1;
        q.clientSerial = -1;
        if (len < HEADER) {
            return ParseResult.DROP;
        }
        q.id = u16(p, 0);
        q.flags = u16(p, 2);
        if ((q.flags & 0x8000) != 0) {
            return ParseResult.DROP;
        }
        q.opcode = (q.flags >> 11) & 0xf;
        if (q.opcode != Query.QUERY && q.opcode != Query.NOTIFY && q.opcode != Query.UPDATE) {
            return ParseResult.NOTIMP;
        }
        // RFC 2136 §2.3 and RFC 1996 §3.7 ask for exactly one zone or question entry, as QUERY does.
        int qdcount = u16(p, 4);
        if (qdcount != 1) {
            return ParseResult.FORMERR;
        }
        int pos = readQuestion(p, len, q);
        if (pos < 0) {
            return ParseResult.FORMERR;
        }
        int answers = u16(p, 6);
        int skip = answers + u16(p, 8);
        int additional = u16(p, 10);
        for (int i = 0; i < skip + additional; i++) {
            int nameEnd = skipName(p, len, pos);
            if (nameEnd < 0 || nameEnd + 10 > len) {
                return ParseResult.FORMERR;
            }
            int rdlength = u16(p, nameEnd + 8);
            int rdata = nameEnd + 10;
            if (rdata + rdlength > len) {
                return ParseResult.FORMERR;
            }
            if (q.tsigAt >= 0) {
                return ParseResult.FORMERR; // RFC 8945 §5.1: the TSIG RR must be the last record
            }
            if (i >= answers && i < skip && q.type == TYPE_IXFR && u16(p, nameEnd) == TYPE_SOA
                    && !readClientSerial(p, rdata, rdata + rdlength, q)) {
                return ParseResult.FORMERR;
            }
            if (i >= skip && u16(p, nameEnd) == TYPE_TSIG) {
                q.tsigAt = pos;
            } else if (i >= skip && u16(p, nameEnd) == TYPE_OPT) {
                if (q.edns || nameEnd != pos + 1 || p[pos] != 0 || !readOpt(p, nameEnd, rdata, rdlength, q)) {
                    return ParseResult.FORMERR;
                }
            }
            pos = rdata + rdlength;
        }
        return q.edns && q.ednsVersion > 0 ? ParseResult.BADVERS : ParseResult.OK;
    }

    /** Returns the offset after the question, or -1 when it is malformed. */
    private static int readQuestion(byte[] p, int len, Query q) {
        int pos = HEADER;
        int end = -1;
        int out = 0;
        int pointers = 0;
        while (true) {
            if (pos >= len) {
                return -1;
            }
            int b = p[pos] & 0xff;
            if ((b & 0xc0) == 0xc0) {
                if (pos + 1 >= len || ++pointers > MAX_POINTERS) {
                    return -1;
                }
                int target = ((b & 0x3f) << 8) | (p[pos + 1] & 0xff);
                if (target >= pos) {
                    return -1;
                }
                if (end < 0) {
                    end = pos + 2;
                }
                pos = target;
                continue;
            }
            if ((b & 0xc0) != 0) {
                return -1;
            }
            if (out + b + 1 > Query.MAX_NAME || pos + b + 1 > len) {
                return -1;
            }
            System.arraycopy(p, pos, q.name, out, b + 1);
            if (b == 0) {
                out++;
                pos++;
                break;
            }
            out += b + 1;
            pos += b + 1;
        }
        if (end < 0) {
            end = pos;
        }
        if (end + 4 > len) {
            return -1;
        }
        q.nameLength = out;
        q.type = u16(p, end);
        q.dnsClass = u16(p, end + 2);
        q.questionParsed = true;
        return end + 4;
    }

    private static boolean readOpt(byte[] p, int typeOff, int rdata, int rdlength, Query q) {
        q.edns = true;
        q.ednsPayload = Math.max(512, u16(p, typeOff + 2));
        q.ednsVersion = p[typeOff + 5] & 0xff;
        q.dnssecOk = (p[typeOff + 6] & 0x80) != 0;
        int pos = rdata;
        int end = rdata + rdlength;
        while (pos < end) {
            if (pos + 4 > end) {
                return false;
            }
            int code = u16(p, pos);
            int optLength = u16(p, pos + 2);
            if (pos + 4 + optLength > end) {
                return false;
            }
            if (code == OPTION_NSID) {
                q.nsidRequested = true;
            } else if (code == OPTION_COOKIE && !readCookie(p, pos + 4, optLength, q)) {
                return false;
            }
            pos += 4 + optLength;
        }
        return true;
    }

    /** The serial of the SOA an IXFR query carries in its authority section (RFC 1995 §3). */
    private static boolean readClientSerial(byte[] p, int rdata, int end, Query q) {
        int rname = skipName(p, end, rdata);
        int serial = rname < 0 ? -1 : skipName(p, end, rname);
        if (serial < 0 || serial + 20 != end) {
            return false;
        }
        q.clientSerial = ((long) u16(p, serial) << 16) | u16(p, serial + 2);
        return true;
    }

    /** RFC 7873 §5.2.2: a client cookie alone, or with a server cookie of 8 to 32 octets; else FORMERR, as a second one is. */
    private static boolean readCookie(byte[] p, int data, int length, Query q) {
        boolean wellFormed = length == CLIENT_COOKIE || length >= MIN_WITH_SERVER_COOKIE && length <= Query.MAX_COOKIE;
        if (!wellFormed || q.cookieLength != 0) {
            return false;
        }
        System.arraycopy(p, data, q.cookie, 0, length);
        q.cookieLength = length;
        return true;
    }

    /** Returns the offset after a possibly compressed name, or -1. */
    private static int skipName(byte[] p, int len, int pos) {
        while (pos < len) {
            int b = p[pos] & 0xff;
            if ((b & 0xc0) == 0xc0) {
                return pos + 2 <= len ? pos + 2 : -1;
            }
            if ((b & 0xc0) != 0) {
                return -1;
            }
            if (b == 0) {
                return pos + 1;
            }
            pos += b + 1;
        }
        return -1;
    }

    static int u16(byte[] p, int off) {
        return ((p[off] & 0xff) << 8) | (p[off + 1] & 0xff);
    }
}
