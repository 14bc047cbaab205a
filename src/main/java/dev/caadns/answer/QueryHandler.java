package dev.caadns.answer;

import dev.caadns.wire.Query;
import dev.caadns.wire.Response;

/**
 * One link of the handler chain (faults → runtime overlay → plugins → zone data), as in CoreDNS.
 * A handler answers into the response or passes the query to the next handler it was built with.
 * Handlers run on event-loop threads: they must not block and should not allocate.
 */
public interface QueryHandler {
    void handle(Query query, Response response);
}
