package dev.caadns.answer;

import dev.caadns.tsig.Tsig;
import dev.caadns.tsig.TsigKeys;
import dev.caadns.tsig.TsigRequest;
import dev.caadns.wire.ParseResult;
import dev.caadns.wire.Query;
import dev.caadns.wire.QueryParser;
import dev.caadns.wire.ReplyStream;
import dev.caadns.wire.Response;
import dev.caadns.wire.ResponseWriter;
import dev.caadns.wire.Transport;
import java.net.InetSocketAddress;
import java.time.Clock;

/**
 * One message's way through the house: parse, check its TSIG, dispatch on the opcode (QUERY to the
 * handler chain, UPDATE and NOTIFY to their handlers), encode, sign. One instance per event loop (it
 * owns reusable buffers); not thread-safe.
 */
public final class QueryProcessor {
    /** Who handles each opcode, and the keys signed messages are checked against. */
    public record Dispatch(QueryHandler query, OpcodeHandler update, OpcodeHandler notification, Tsig tsig) {
        /** Only QUERY, through the chain; every other opcode NOTIMP; no TSIG keys. */
        public static Dispatch queriesOnly(QueryHandler chain) {
            return new Dispatch(chain, OpcodeHandler.NOT_IMPLEMENTED, OpcodeHandler.NOT_IMPLEMENTED,
                    new Tsig(TsigKeys.none(), Clock.systemUTC()));
        }
    }

    private final Dispatch dispatch;
    private final Query query = new Query();
    private final Response response = new Response();
    private final ResponseWriter writer;
    private final byte[] input = new byte[65535];

    private final QueryObserver observer;
    private ParseResult parsed = ParseResult.OK;

    public QueryProcessor(QueryHandler chain, ResponseWriter writer) {
        this(Dispatch.queriesOnly(chain), writer, null);
    }

    /** @param observer sees every query after its answer, or null for none */
    public QueryProcessor(Dispatch dispatch, ResponseWriter writer, QueryObserver observer) {
        this.dispatch = dispatch;
        this.writer = writer;
        this.observer = observer;
    }

    /** Where the transport copies a packet before {@link #process(int, InetSocketAddress, Transport, String)}. */
    public byte[] input() {
        return input;
    }

    /**
     * Processes the packet held in {@link #input()}; returns the reply length in {@link #reply()}, or
     * -1 when the packet gets no reply, or a reply of several messages ({@link #takeStream()}).
     *
     * @param userAgent the HTTP User-Agent of a DoH query, or null
     */
    public int process(int length, InetSocketAddress client, Transport transport, String userAgent) {
        query.client(client);
        query.arrivedBy(transport, userAgent);
        if (observer == null) {
            return process(input, length);
        }
        long start = System.nanoTime();
        int replyLength = process(input, length);
        observer.observe(query, response, client, replyLength, System.nanoTime() - start);
        return replyLength;
    }

    /** Processes a packet that arrived by {@code transport}, with no observer (tests, in-process lookups). */
    public int process(byte[] packet, int length, Transport transport) {
        query.arrivedBy(transport, null);
        return process(packet, length);
    }

    private int process(byte[] packet, int length) {
        query.tsig(null, "");
        response.reset();
        parsed = QueryParser.parse(packet, length, query);
        TsigRequest signed = null;
        switch (parsed) {
            case DROP -> {
                return -1;
            }
            case OK -> {
                signed = query.signed() ? dispatch.tsig().verify(packet, length, query.tsigAt()) : null;
                if (signed == null || signed.verified()) {
                    dispatch(packet, length, signed);
                } else {
                    refuseSignature(signed);
                }
            }
            case FORMERR -> {
                response.rcode(Response.FORMERR);
                response.question(false);
            }
            case NOTIMP -> response.rcode(Response.NOTIMP);
            case BADVERS -> response.rcode(Response.BADVERS);
        }
        if (response.drop()) {
            return -1;
        }
        if (response.stream() != null) {
            if (signed != null) {
                response.stream(new SignedReplyStream(response.stream(), signed));
            }
            return -1;
        }
        int replyLength = writer.write(query, response);
        return signed == null ? replyLength : signed.sign(writer.buffer(), replyLength);
    }

    /** True when the last packet was no DNS query at all (too short for a header, or a response). */
    public boolean notAQuery() {
        return parsed == ParseResult.DROP;
    }

    /** The multi-message reply the last query got (TCP only), handed over once; null for none. */
    public ReplyStream takeStream() {
        ReplyStream stream = response.stream();
        response.stream(null);
        return stream;
    }

    /** The one opcode switch: a signed message gets here only once its TSIG verified. */
    private void dispatch(byte[] packet, int length, TsigRequest signed) {
        if (signed != null) {
            query.tsig(signed.keyName().toString(), "");
            response.reserve(signed.recordLength());
        }
        switch (query.opcode()) {
            case Query.UPDATE -> dispatch.update().handle(packet, length, query, response);
            case Query.NOTIFY -> dispatch.notification().handle(packet, length, query, response);
            default -> dispatch.query().handle(query, response);
        }
    }

    /** RFC 8945 §5.2: NOTAUTH (or FORMERR) with the TSIG error, and nothing else of the message is looked at. */
    private void refuseSignature(TsigRequest signed) {
        query.tsig(signed.malformed() ? null : signed.keyName().toString(), signed.errorName());
        response.rcode(signed.rcode());
        response.reserve(signed.recordLength());
        response.note("tsig " + signed.errorName() + (signed.malformed() ? "" : " key " + signed.keyName()));
    }

    public byte[] reply() {
        return writer.buffer();
    }

    /** The query last processed, for logging and the journal. */
    public Query query() {
        return query;
    }

    public Response response() {
        return response;
    }
}
