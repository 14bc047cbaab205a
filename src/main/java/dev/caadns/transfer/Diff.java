package dev.caadns.transfer;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The difference between two versions of a zone: the SOA of each, records deleted and added (RFC 1995 §4). */
record Diff(Rr fromSoa, Rr toSoa, List<Rr> removed, List<Rr> added) {
    long fromSerial() {
        return fromSoa.serial();
    }

    long toSerial() {
        return toSoa.serial();
    }

    boolean isEmpty() {
        return removed.isEmpty() && added.isEmpty();
    }

    /** Records in this difference, both SOAs included. */
    int size() {
        return removed.size() + added.size() + 2;
    }

    /** Consecutive differences as one, oldest first (RFC 1995 §5: the server may condense them). */
    static Diff condense(List<Diff> chain) {
        Set<Rr> removed = new LinkedHashSet<>();
        Set<Rr> added = new LinkedHashSet<>();
        for (Diff d : chain) {
            for (Rr r : d.removed) {
                if (!added.remove(r)) {
                    removed.add(r);
                }
            }
            for (Rr r : d.added) {
                if (!removed.remove(r)) {
                    added.add(r);
                }
            }
        }
        return new Diff(chain.get(0).fromSoa, chain.get(chain.size() - 1).toSoa, new ArrayList<>(removed),
                new ArrayList<>(added));
    }
}
