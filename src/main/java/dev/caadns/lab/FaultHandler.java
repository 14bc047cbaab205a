package dev.caadns.lab;

import dev.caadns.answer.QueryHandler;
import dev.caadns.wire.Query;
import dev.caadns.wire.Response;

/**
 * The first link of the chain. With no rules a query costs one volatile read and an empty check; with
 * rules, a lookup per label of the query name (see {@link FaultIndex}).
 */
final class FaultHandler implements QueryHandler {
    private final Faults faults;
    private final QueryHandler next;

    FaultHandler(Faults faults, QueryHandler next) {
        this.faults = faults;
        this.next = next;
    }

    @Override
    public void handle(Query q, Response r) {
        FaultIndex index = faults.index();
        ArmedFault hit = index.isEmpty() ? null : index.match(q);
        if (hit == null) {
            next.handle(q, r);
        } else {
            hit.apply(q, r, next);
        }
    }
}
