package dev.caadns.zone;

import org.xbill.DNS.Record;

/**
 * A resource record as read from a zone file, with the place it came from.
 *
 * @param record the parsed record (dnsjava lives only at load time)
 * @param file the file it was read from ($INCLUDE'd files name themselves)
 * @param line 1-based line where the record starts
 * @param comment the text after ';' on the record's lines, or "" (carries per-record markers)
 */
public record SourcedRecord(Record record, String file, int line, String comment) {
}
