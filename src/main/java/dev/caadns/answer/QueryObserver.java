package dev.caadns.answer;

import dev.caadns.wire.Query;
import dev.caadns.wire.Response;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * Sees every query after it was answered (the journal, metrics). Runs on the event loop, so it must
 * be quick and must copy what it keeps: the query and response objects are reused.
 */
public interface QueryObserver {
    /**
     * @param replyLength bytes of the reply, or -1 when the query got none
     * @param nanos time from parse to encoded reply
     */
    void observe(Query query, Response response, InetSocketAddress client, int replyLength, long nanos);

    /** One observer for all of them: null when there are none, the observer itself when there is one. */
    static QueryObserver all(List<QueryObserver> observers) {
        if (observers.isEmpty()) {
            return null;
        }
        if (observers.size() == 1) {
            return observers.get(0);
        }
        QueryObserver[] each = observers.toArray(new QueryObserver[0]);
        return (query, response, client, replyLength, nanos) -> {
            for (QueryObserver o : each) {
                o.observe(query, response, client, replyLength, nanos);
            }
        };
    }
}
