/**
 * TSIG (RFC 8945): shared keys, the check of a signed request and the signatures of the replies, for
 * every protocol that carries TSIG (queries, UPDATE, zone transfers, NOTIFY). Knows nothing of
 * sockets or of what the messages mean; works on wire bytes.
 *
 * <h2>Keys</h2>
 * {@link dev.caadns.tsig.TsigKeys#from} reads {@code tsig.keys = [{ name, algorithm, secret }]} and
 * the BIND {@code key "name" { algorithm ...; secret "..."; };} statements of {@code tsig.key-file}.
 * Algorithms are hmac-md5, hmac-sha1, hmac-sha224, hmac-sha256, hmac-sha384 and hmac-sha512, and the
 * truncated forms {@code hmac-sha256-128} (MAC bits), which sign that many bits and accept no fewer.
 *
 * <h2>One request, one reply</h2>
 * The query path already does this for every opcode ({@code answer.QueryProcessor}): the parser gives
 * the TSIG RR's offset ({@code Query.tsigAt()}), then
 * <pre>{@code
 * TsigRequest signed = tsig.verify(message, length, query.tsigAt());
 * if (!signed.verified()) {
 *     // answer signed.rcode() (NOTAUTH, or FORMERR when signed.malformed()) and nothing else
 * }
 * response.reserve(signed.recordLength());      // room for the TSIG RR in the reply
 * int replyLength = writer.write(query, response);
 * replyLength = signed.sign(buffer, replyLength); // appends the TSIG RR, ARCOUNT + 1
 * }</pre>
 * {@link dev.caadns.tsig.TsigRequest#sign} does the right thing for each outcome (RFC 8945 §5.3.2):
 * signed for NOERROR, BADTIME (with the request's time and ours in Other Data) and BADTRUNC;
 * an unsigned TSIG RR with the error for BADKEY and BADSIG; nothing for a malformed TSIG RR.
 *
 * <h2>A multi-message answer (AXFR, IXFR)</h2>
 * For a verified request, sign every message in the order they go out (RFC 8945 §5.3.1: the first over
 * the request's MAC, each later one over the MAC before it, the message and the TSIG timers):
 * <pre>{@code
 * TsigStream stream = signed.stream();
 * for (each message) {
 *     // write it leaving signed.recordLength() octets free at the end, then
 *     length = stream.sign(buffer, length);
 * }
 * }</pre>
 * dnspython's zone-transfer client verifies such streams in {@code TsigStreamTest}; BIND's dig and
 * Knot's kdig verify single replies in {@code SignedQueryTest}. The MACs are computed with the JDK's
 * {@code javax.crypto.Mac} over the wire bytes, not with dnsjava's {@code TSIG}, whose stream code has
 * had bugs (dnsjava #295, #409).
 */
package dev.caadns.tsig;
