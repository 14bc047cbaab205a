package dev.caadns.zone;

import org.xbill.DNS.Name;

/** Builds findings about a record or a place in a file, so every check words them alike. */
final class Findings {

    private Findings() {
    }

    static Finding error(String code, RecordStore records, int at, String message, String hint) {
        return of(Severity.ERROR, code, records, at, message, hint);
    }

    static Finding warning(String code, RecordStore records, int at, String message, String hint) {
        return of(Severity.WARNING, code, records, at, message, hint);
    }

    static Finding error(String code, String file, int line, Name owner, String message,
                         String hint) {
        return new Finding(Severity.ERROR, code, file, line, owner == null ? "" : owner.toString(),
                message, hint);
    }

    private static Finding of(Severity severity, String code, RecordStore records, int at,
                              String message, String hint) {
        return new Finding(severity, code, records.file(at), records.line(at),
                records.ownerName(at).toString(), message, hint);
    }

    /** The record in zone-file form, for messages: {@code www.lab.test. 300 IN A 192.0.2.1}. */
    static String show(RecordStore records, int at) {
        return records.record(at).toString().replace('\t', ' ');
    }

    /** {@code file:line} of a record, for messages that point at another record. */
    static String place(RecordStore records, int at) {
        return records.file(at) + ":" + records.line(at);
    }
}
