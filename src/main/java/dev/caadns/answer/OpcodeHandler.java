package dev.caadns.answer;

import dev.caadns.wire.Query;
import dev.caadns.wire.Response;

/**
 * Handles a message of one opcode other than QUERY (UPDATE, NOTIFY) after the dispatcher parsed its
 * header and first section and checked its TSIG. It reads the rest of the message itself and answers
 * into the response; the dispatcher writes and signs the reply.
 */
public interface OpcodeHandler {
    /** For an opcode nobody handles: NOTIMP (RFC 1035 §4.1.1). */
    OpcodeHandler NOT_IMPLEMENTED = (message, length, query, response) -> response.rcode(Response.NOTIMP);

    /**
     * @param message the whole message as received, TSIG RR included
     * @param query its parsed header and zone (or question) section, with the TSIG key that verified it
     */
    void handle(byte[] message, int length, Query query, Response response);
}
