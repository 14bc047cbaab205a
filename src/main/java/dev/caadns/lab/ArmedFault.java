package dev.caadns.lab;

import dev.caadns.answer.QueryHandler;
import dev.caadns.wire.Query;
import dev.caadns.wire.Response;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** A rule in force: the rule plus how often it fired and how many shots it has left. */
final class ArmedFault {
    private final FaultRule rule;
    private final String note;
    /** Shots left when the rule has a limit; never read when it has none. */
    private final AtomicInteger remaining;
    private final AtomicLong fired = new AtomicLong();

    ArmedFault(FaultRule rule) {
        this.rule = rule;
        this.note = "fault " + rule.id() + " (" + rule.action().label() + ")";
        this.remaining = new AtomicInteger(rule.times());
    }

    FaultRule rule() {
        return rule;
    }

    long fired() {
        return fired.get();
    }

    /** Shots left, or -1 when the rule fires until removed. */
    int remaining() {
        return rule.times() == 0 ? -1 : Math.max(0, remaining.get());
    }

    boolean spent() {
        return rule.times() > 0 && remaining.get() <= 0;
    }

    /** True when this query is hit: type and transport match, a shot is left and the dice agree. */
    boolean hits(Query q) {
        if (!rule.types().isEmpty() && !rule.types().contains(q.type())) {
            return false;
        }
        if (!rule.transport().matches(q.transport())) {
            return false;
        }
        if (rule.probability() < 1 && ThreadLocalRandom.current().nextDouble() >= rule.probability()) {
            return false;
        }
        if (rule.times() > 0 && remaining.getAndDecrement() <= 0) {
            return false;
        }
        fired.incrementAndGet();
        return true;
    }

    /** Answers the query as the rule says, asking next when the rule keeps the real answer. */
    void apply(Query q, Response r, QueryHandler next) {
        switch (rule.action()) {
            case NONE -> next.handle(q, r);
            case SERVFAIL -> r.rcode(Response.SERVFAIL);
            case REFUSED -> r.rcode(Response.REFUSED);
            case NXDOMAIN -> {
                r.rcode(Response.NXDOMAIN);
                r.authoritative(true);
            }
            case TIMEOUT -> r.drop(true);
            case TC -> {
                next.handle(q, r);
                r.truncated(!q.overTcp());
            }
            case TCP_ONLY -> {
                if (q.overTcp()) {
                    next.handle(q, r);
                } else {
                    r.truncated(true);
                }
            }
            default -> {
                r.dnssecFault(rule.action().dnssecFault());
                next.handle(q, r);
            }
        }
        if (rule.delayMillis() > 0) {
            r.delayMillis(rule.delayMillis());
        }
        if (rule.edeCode() >= 0) {
            r.extendedError(rule.edeCode(), rule.edeText());
        }
        r.note(note);
    }
}
