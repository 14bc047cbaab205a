package dev.caadns.zone;

import java.util.Arrays;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Section;

/** Rdata as bytes, which is how records are compared and rebuilt without touching name case. */
final class Rdata {

    private Rdata() {
    }

    /** The uncompressed rdata as it will be served (names keep their case, unlike canonical form). */
    static byte[] wire(Record record) {
        if (record instanceof ARecord || record instanceof AAAARecord
                || record instanceof CAARecord || record instanceof TXTRecord) {
            // no names inside, so the canonical form is the form as written, without the owner
            return record.rdataToWireCanonical();
        }
        byte[] rr = record.toWire(Section.ANSWER);
        int start = record.getName().length() + 10; // type, class, TTL, rdlength
        return Arrays.copyOfRange(rr, start, rr.length);
    }

    /**
     * The record that serves these RDATA bytes: dnsjava's typed record when it reads them back
     * unchanged, else (malformed CAA served on purpose) a record that keeps the bytes as they are.
     */
    static Record record(Name owner, int type, long ttl, byte[] data) {
        return record(owner, type, DClass.IN, ttl, data);
    }

    static Record record(Name owner, int type, int dclass, long ttl, byte[] data) {
        try {
            Record typed = Record.newRecord(owner, type, dclass, ttl, data);
            if (typed != null && Arrays.equals(wire(typed), data)) {
                return typed;
            }
        } catch (IllegalArgumentException e) {
            // not readable as its type: kept opaque below
        }
        return new OpaqueRecord(owner, type, dclass, ttl, data);
    }

    /** A hash of bytes[from, to), its high bits folded into the low ones a table's mask keeps. */
    static int hash(byte[] bytes, int from, int to) {
        int h = 1;
        for (int i = from; i < to; i++) {
            h = 31 * h + bytes[i];
        }
        return h ^ h >>> 16;
    }

    /** The same record with another TTL; dnsjava keeps its TTL setter package-private. */
    static Record withTtl(Record record, long ttl) {
        if (record instanceof OpaqueRecord opaque) {
            return new OpaqueRecord(record.getName(), record.getType(), record.getDClass(), ttl,
                    opaque.data());
        }
        return Record.newRecord(record.getName(), record.getType(), record.getDClass(), ttl,
                wire(record));
    }
}
