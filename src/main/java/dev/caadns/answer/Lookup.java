package dev.caadns.answer;

import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * Asks the served data one question in-process and returns the reply a client would get over UDP
 * with a large EDNS buffer. Tools (check, explain, the management API) use it; the server does not.
 */
public interface Lookup {
    /** The server sent no reply at all (a timeout fault): a client would time out. */
    final class NoReplyException extends RuntimeException {
        public NoReplyException(Name qname, int qtype) {
            super("no reply to " + qname + " " + org.xbill.DNS.Type.string(qtype) + ": the query timed out");
        }
    }

    /** @throws NoReplyException when the server drops the query */
    Message ask(Name qname, int qtype);

    /** The same question with the DO bit set (RFC 3225): from a signed zone, the reply carries its proofs. */
    default Message askWithDnssec(Name qname, int qtype) {
        return ask(qname, qtype);
    }
}
