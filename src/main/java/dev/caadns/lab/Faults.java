package dev.caadns.lab;

import dev.caadns.answer.QueryHandler;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * The fault rules of a lab: set from the config file and changed through the API. Changes rebuild
 * the index and publish it with one volatile write; rules that used up their shots are dropped.
 */
public final class Faults {

    /** A rule as the API shows it: the rule, how often it fired, shots left (-1 = no limit). */
    public record Status(FaultRule rule, long fired, int remaining) {
    }

    private final List<ArmedFault> rules = new ArrayList<>();
    private final Map<FaultAction, LongAdder> firedByAction = new EnumMap<>(FaultAction.class);
    private volatile FaultIndex index = FaultIndex.EMPTY;
    private int lastId;

    public Faults() {
        for (FaultAction a : FaultAction.values()) {
            firedByAction.put(a, new LongAdder());
        }
    }

    /** The first link of the chain, in front of next. */
    public QueryHandler handler(QueryHandler next) {
        return new FaultHandler(this, next);
    }

    FaultIndex index() {
        return index;
    }

    /** Adds a rule; one without an id gets {@code f1}, {@code f2}, ... Returns the rule as added. */
    public synchronized FaultRule add(FaultRule rule) {
        dropSpent();
        FaultRule named = rule.id().isEmpty() ? rule.withId(nextId()) : rule;
        if (taken(named.id())) {
            throw new IllegalArgumentException("id: a fault \"" + named.id() + "\" exists already");
        }
        rules.add(new ArmedFault(named));
        publish();
        return named;
    }

    /** Removes the rule; false when there is none with that id. */
    public synchronized boolean remove(String id) {
        dropSpent();
        boolean removed = rules.removeIf(f -> f.rule().id().equals(id) && retire(f));
        publish();
        return removed;
    }

    public synchronized void clear() {
        rules.forEach(this::retire);
        rules.clear();
        publish();
    }

    /** The rules in force, in the order they are tried for one name. */
    public synchronized List<Status> list() {
        dropSpent();
        publish();
        return rules.stream().map(f -> new Status(f.rule(), f.fired(), f.remaining())).toList();
    }

    /** How often faults fired, by action, since start (removed rules included). */
    public synchronized Map<FaultAction, Long> firedByAction() {
        dropSpent();
        Map<FaultAction, Long> fired = new EnumMap<>(FaultAction.class);
        firedByAction.forEach((action, count) -> fired.put(action, count.sum()));
        rules.forEach(f -> fired.merge(f.rule().action(), f.fired(), Long::sum));
        return fired;
    }

    private String nextId() {
        String id;
        do {
            id = "f" + ++lastId;
        } while (taken(id));
        return id;
    }

    private boolean taken(String id) {
        return rules.stream().anyMatch(f -> f.rule().id().equals(id));
    }

    private void dropSpent() {
        rules.removeIf(f -> f.spent() && retire(f));
    }

    /** Keeps a leaving rule's count in the totals; true, for removeIf. */
    private boolean retire(ArmedFault f) {
        firedByAction.get(f.rule().action()).add(f.fired());
        return true;
    }

    private void publish() {
        index = new FaultIndex(List.copyOf(rules));
    }
}
