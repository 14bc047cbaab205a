package dev.caadns.admin;

import java.util.List;

/**
 * One query as the journal keeps it, for the API and the JSON-lines file.
 *
 * @param opcode QUERY, UPDATE or NOTIFY
 * @param tsigKey the TSIG key the message was signed with, or null when unsigned
 * @param tsigError why its TSIG failed (BADKEY, BADSIG, BADTIME, BADTRUNC, FORMERR), or null
 * @param seq position in the journal, rising by one per query
 * @param time when the answer was made, ISO-8601 UTC
 * @param transport {@code udp}, {@code tcp}, {@code dot} or {@code doh}
 * @param userAgent the HTTP User-Agent of a DoH query; "" for other transports or when none was sent
 * @param name the question name as sent (case kept), absolute
 * @param ednsSize the client's EDNS UDP size, or 0 when it sent no EDNS
 * @param ednsOptions EDNS flags and options the client sent: {@code DO}, {@code NSID}, {@code COOKIE}
 * @param answer one line per answer RRset: {@code CAA x2}
 * @param note the fault or rule that decided the answer, or null
 * @param replyBytes length of the reply, or -1 when none was sent
 */
public record JournalEntry(long seq, String time, String client, int port, String transport, String userAgent,
                           int id, String opcode, String tsigKey, String tsigError,
                           String name, String type, List<String> flags, int ednsSize, List<String> ednsOptions,
                           String rcode, boolean truncated, List<String> answer, int authorityCount,
                           int additionalCount, String note, int replyBytes, long latencyMicros) {
}
