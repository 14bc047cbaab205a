package dev.caadns.wire;

import dev.caadns.zone.RRset;
import dev.caadns.zone.WireName;

/**
 * The only code that knows the reply's wire layout. It copies the question as sent, writes the
 * sections with name compression, and truncates in one place: an RRset of the answer or authority
 * section that does not fit is left out whole, with its RRSIGs, and TC is set; an additional RRset that does not fit is
 * left out silently (RFC 2181 §9). One writer per event loop; its buffer is reused.
 */
public final class ResponseWriter {
    private static final int MAX_MESSAGE = 65535;
    private static final int MAX_COMPRESSION_ENTRIES = 256;
    private static final int CLASS_IN = 1;
    private static final int TYPE_OPT = 41;
    private static final int OPTION_NSID = 3;
    private static final int OPTION_COOKIE = 10;
    private static final int OPTION_EXTENDED_ERROR = 15;

    private final byte[] out = new byte[MAX_MESSAGE];
    private final int[] names = new int[MAX_COMPRESSION_ENTRIES];
    private final int ourPayload;
    private final byte[] nsid;
    private int pos;
    private int nameCount;
    private boolean questionWritten;
    private int messageRecords;

    /**
     * @param ourPayload the UDP payload size we advertise and never exceed (RFC 6891 §6.2.3)
     * @param nsid our name server identifier, empty for none (RFC 5001)
     */
    public ResponseWriter(int ourPayload, byte[] nsid) {
        this.ourPayload = ourPayload;
        this.nsid = nsid.clone();
    }

    public byte[] buffer() {
        return out;
    }

    /** The largest reply this query may get. */
    public int limit(Query q) {
        if (q.overTcp()) {
            return MAX_MESSAGE;
        }
        return q.edns ? Math.min(q.ednsPayload, ourPayload) : 512;
    }

    /** Writes the reply into {@link #buffer()} and returns its length. */
    public int write(Query q, Response r) {
        pos = QueryParser.HEADER;
        nameCount = 0;
        questionWritten = false;
        boolean withOpt = q.edns && r.rcode() != Response.FORMERR;
        byte[] extendedErrorText = r.extendedErrorCode() >= 0
                ? r.extendedErrorText().getBytes(java.nio.charset.StandardCharsets.UTF_8) : null;
        int optSize = withOpt ? 11 + (q.nsidRequested && nsid.length > 0 ? 4 + nsid.length : 0)
                + (r.cookieLength() > 0 ? 4 + r.cookieLength() : 0)
                + (extendedErrorText != null ? 6 + extendedErrorText.length : 0) : 0;
        int limit = limit(q) - optSize - r.reserved();
        if (r.question() && q.questionParsed) {
            writeQuestion(q);
        }
        boolean truncated = r.truncated();
        int answers = writeSection(r.answer(), q, limit);
        int authorities = 0;
        int additionals = 0;
        if (answers < 0) {
            truncated = true;
            answers = ~answers;
        } else {
            authorities = writeSection(r.authority(), q, limit);
            if (authorities < 0) {
                truncated = true;
                authorities = ~authorities;
            } else {
                additionals = writeSection(r.additional(), q, limit);
                additionals = additionals < 0 ? ~additionals : additionals;
            }
        }
        if (withOpt) {
            writeOpt(q, r.rcode(), r.extendedErrorCode(), extendedErrorText, r.cookie(), r.cookieLength());
            additionals++;
        }
        int flags = 0x8000 | (q.opcode << 11) | (q.flags & 0x0110) | (r.rcode() & 0xf);
        if (r.authoritative()) {
            flags |= 0x0400;
        }
        if (truncated) {
            flags |= 0x0200;
        }
        put16(0, q.id);
        put16(2, flags);
        put16(4, questionWritten ? 1 : 0);
        put16(6, answers);
        put16(8, authorities);
        put16(10, additionals);
        return pos;
    }

    private void writeQuestion(Query q) {
        for (int p = 0; q.name[p] != 0; p += (q.name[p] & 0xff) + 1) {
            remember(pos + p);
        }
        System.arraycopy(q.name, 0, out, pos, q.nameLength);
        pos += q.nameLength;
        put16(pos, q.type);
        put16(pos + 2, q.dnsClass);
        pos += 4;
        questionWritten = true;
    }

    /**
     * Writes whole RRsets while they fit. Returns the number of records written, or its complement
     * (a negative number) when an RRset had to be left out.
     */
    private int writeSection(Section section, Query q, int limit) {
        int written = 0;
        for (int i = 0; i < section.count(); i++) {
            int mark = pos;
            int namesMark = nameCount;
            RRset rrsigs = section.signatures(i);
            byte[] owner = section.owner(i);
            int ownerOff = section.ownerOffset(i);
            int records = writeRRset(owner, ownerOff, section.rrset(i), q, limit);
            int signatures = records < 0 || rrsigs == null ? 0 : writeRRset(owner, ownerOff, rrsigs, q, limit);
            if (records < 0 || signatures < 0) {
                pos = mark;
                nameCount = namesMark;
                return ~written;
            }
            written += records + signatures;
        }
        return written;
    }

    /** Writes every record of set straight from its array; returns how many, or -1 when one did not fit. */
    private int writeRRset(byte[] owner, int ownerOff, RRset set, Query q, int limit) {
        byte[] records = set.data();
        int count = 0;
        for (int at = set.firstRecord(), end = set.end(); at < end; at += 2 + set.rdlength(at)) {
            if (owner == null) {
                if (!writeQuestionName(q, limit)) {
                    return -1;
                }
            } else if (!writeName(owner, ownerOff, limit)) {
                return -1;
            }
            if (!writeTypeToRdata(set.type(), set.ttl(), records, at + 2, set.rdlength(at), limit)) {
                return -1;
            }
            count++;
        }
        return count;
    }

    /** Everything of a record after its owner name; its RDATA is src[off, off+len). */
    private boolean writeTypeToRdata(int type, long ttl, byte[] src, int off, int len, int limit) {
        if (pos + 10 > limit) {
            return false;
        }
        put16(pos, type);
        put16(pos + 2, CLASS_IN);
        put32(pos + 4, ttl);
        int rdlengthAt = pos + 8;
        pos += 10;
        if (!writeRdata(type, src, off, len, limit)) {
            return false;
        }
        put16(rdlengthAt, pos - rdlengthAt - 2);
        return true;
    }

    /**
     * Starts one message of a multi-message reply (a zone transfer, RFC 5936 §2.2): records then go
     * into the answer section one by one, so an RRset may continue in the next message.
     *
     * @param withQuestion false after the first message, as NSD and Knot send them
     */
    public void startMessage(Query q, boolean withQuestion) {
        pos = QueryParser.HEADER;
        nameCount = 0;
        questionWritten = false;
        messageRecords = 0;
        if (withQuestion && q.questionParsed) {
            writeQuestion(q);
        }
    }

    /** Adds one record to the answer section; false, with nothing written, when it would pass limit. */
    public boolean addRecord(byte[] owner, int type, long ttl, byte[] rdata, int limit) {
        int mark = pos;
        int namesMark = nameCount;
        if (!writeName(owner, 0, limit) || !writeTypeToRdata(type, ttl, rdata, 0, rdata.length, limit)) {
            pos = mark;
            nameCount = namesMark;
            return false;
        }
        messageRecords++;
        return true;
    }

    /** Records added since {@link #startMessage}. */
    public int messageRecords() {
        return messageRecords;
    }

    /** Ends the message begun by {@link #startMessage}: authoritative, OPT when the query had EDNS; returns its length. */
    public int finishMessage(Query q) {
        int additionals = 0;
        if (q.edns) {
            writeOpt(q, Response.NOERROR, -1, null, null, 0);
            additionals++;
        }
        put16(0, q.id);
        put16(2, 0x8000 | 0x0400 | (q.opcode << 11) | (q.flags & 0x0110));
        put16(4, questionWritten ? 1 : 0);
        put16(6, messageRecords);
        put16(8, 0);
        put16(10, additionals);
        return pos;
    }

    private boolean writeQuestionName(Query q, int limit) {
        if (questionWritten) {
            if (pos + 2 > limit) {
                return false;
            }
            put16(pos, 0xc000 | QueryParser.HEADER);
            pos += 2;
            return true;
        }
        return writeName(q.name, 0, limit);
    }

    /** Names in the RDATA of the RFC 1035 types may be compressed (RFC 3597 §4); others are copied. */
    private boolean writeRdata(int type, byte[] src, int off, int len, int limit) {
        switch (type) {
            case 2, 5, 12 -> {
                return writeName(src, off, limit);
            }
            case 15 -> {
                return copy(src, off, 2, limit) && writeName(src, off + 2, limit);
            }
            case 6 -> {
                int rname = off + WireName.length(src, off);
                return writeName(src, off, limit) && writeName(src, rname, limit)
                        && copy(src, rname + WireName.length(src, rname), 20, limit);
            }
            default -> {
                return copy(src, off, len, limit);
            }
        }
    }

    private boolean copy(byte[] src, int off, int len, int limit) {
        if (pos + len > limit) {
            return false;
        }
        System.arraycopy(src, off, out, pos, len);
        pos += len;
        return true;
    }

    private boolean writeName(byte[] src, int off, int limit) {
        int p = off;
        while (src[p] != 0) {
            int target = find(src, p);
            if (target >= 0) {
                if (pos + 2 > limit) {
                    return false;
                }
                put16(pos, 0xc000 | target);
                pos += 2;
                return true;
            }
            int len = (src[p] & 0xff) + 1;
            if (pos + len > limit) {
                return false;
            }
            remember(pos);
            System.arraycopy(src, p, out, pos, len);
            pos += len;
            p += len;
        }
        if (pos + 1 > limit) {
            return false;
        }
        out[pos++] = 0;
        return true;
    }

    private void remember(int offset) {
        if (offset <= 0x3fff && nameCount < MAX_COMPRESSION_ENTRIES) {
            names[nameCount++] = offset;
        }
    }

    private int find(byte[] src, int off) {
        for (int i = 0; i < nameCount; i++) {
            if (sameName(src, off, names[i])) {
                return names[i];
            }
        }
        return -1;
    }

    /** Case-insensitive comparison of an uncompressed name with one already written (pointers followed). */
    private boolean sameName(byte[] src, int off, int at) {
        while (true) {
            int b = out[at] & 0xff;
            if ((b & 0xc0) == 0xc0) {
                at = ((b & 0x3f) << 8) | (out[at + 1] & 0xff);
                continue;
            }
            if (b != (src[off] & 0xff)) {
                return false;
            }
            if (b == 0) {
                return true;
            }
            for (int i = 1; i <= b; i++) {
                if (WireName.toLower(src[off + i]) != WireName.toLower(out[at + i])) {
                    return false;
                }
            }
            off += b + 1;
            at += b + 1;
        }
    }

    private void writeOpt(Query q, int rcode, int extendedErrorCode, byte[] extendedErrorText, byte[] cookie,
                          int cookieLength) {
        out[pos++] = 0;
        put16(pos, TYPE_OPT);
        put16(pos + 2, ourPayload);
        out[pos + 4] = (byte) (rcode >> 4);
        out[pos + 5] = 0;
        put16(pos + 6, q.dnssecOk ? 0x8000 : 0);
        pos += 8;
        int rdlengthAt = pos;
        pos += 2;
        if (q.nsidRequested && nsid.length > 0) {
            put16(pos, OPTION_NSID);
            put16(pos + 2, nsid.length);
            System.arraycopy(nsid, 0, out, pos + 4, nsid.length);
            pos += 4 + nsid.length;
        }
        if (cookieLength > 0) {
            put16(pos, OPTION_COOKIE);
            put16(pos + 2, cookieLength);
            System.arraycopy(cookie, 0, out, pos + 4, cookieLength);
            pos += 4 + cookieLength;
        }
        if (extendedErrorText != null) {
            put16(pos, OPTION_EXTENDED_ERROR);
            put16(pos + 2, 2 + extendedErrorText.length);
            put16(pos + 4, extendedErrorCode);
            System.arraycopy(extendedErrorText, 0, out, pos + 6, extendedErrorText.length);
            pos += 6 + extendedErrorText.length;
        }
        put16(rdlengthAt, pos - rdlengthAt - 2);
    }

    private void put16(int at, int value) {
        out[at] = (byte) (value >> 8);
        out[at + 1] = (byte) value;
    }

    private void put32(int at, long value) {
        out[at] = (byte) (value >> 24);
        out[at + 1] = (byte) (value >> 16);
        out[at + 2] = (byte) (value >> 8);
        out[at + 3] = (byte) value;
    }
}
