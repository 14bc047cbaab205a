package dev.caadns.answer;

import dev.caadns.wire.ParseResult;
import dev.caadns.wire.Query;
import dev.caadns.wire.QueryParser;
import dev.caadns.wire.ReplyStream;
import dev.caadns.wire.Response;
import dev.caadns.wire.ResponseWriter;
import java.net.InetSocketAddress;

/**
 * One query's way through the house: parse, answer through the handler chain, encode. One instance
 * per event loop (it owns reusable buffers); not thread-safe.
 */
public final class QueryProcessor {
    private final QueryHandler chain;
    private final Query query = new Query();
    private final Response response = new Response();
    private final ResponseWriter writer;
    private final byte[] input = new byte[65535];

    private final QueryObserver observer;

    public QueryProcessor(QueryHandler chain, ResponseWriter writer) {
        this(chain, writer, null);
    }

    /** @param observer sees every query after its answer, or null for none */
    public QueryProcessor(QueryHandler chain, ResponseWriter writer, QueryObserver observer) {
        this.chain = chain;
        this.writer = writer;
        this.observer = observer;
    }

    /** Where the transport copies a packet before {@link #process(int, boolean)}. */
    public byte[] input() {
        return input;
    }

    /**
     * Processes the packet held in {@link #input()}; returns the reply length in {@link #reply()}, or
     * -1 when the packet gets no reply, or a reply of several messages ({@link #takeStream()}).
     */
    public int process(int length, InetSocketAddress client, boolean tcp) {
        query.client(client);
        if (observer == null) {
            return process(input, length, tcp);
        }
        long start = System.nanoTime();
        int replyLength = process(input, length, tcp);
        observer.observe(query, response, client, replyLength, System.nanoTime() - start);
        return replyLength;
    }

    public int process(byte[] packet, int length, boolean tcp) {
        query.overTcp(tcp);
        response.reset();
        ParseResult parsed = QueryParser.parse(packet, length, query);
        switch (parsed) {
            case DROP -> {
                return -1;
            }
            case OK -> chain.handle(query, response);
            case FORMERR -> {
                response.rcode(Response.FORMERR);
                response.question(false);
            }
            case NOTIMP -> response.rcode(Response.NOTIMP);
            case BADVERS -> response.rcode(Response.BADVERS);
        }
        return response.drop() || response.stream() != null ? -1 : writer.write(query, response);
    }

    /** The multi-message reply the last query got (TCP only), handed over once; null for none. */
    public ReplyStream takeStream() {
        ReplyStream stream = response.stream();
        response.stream(null);
        return stream;
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
