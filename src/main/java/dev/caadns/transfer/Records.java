package dev.caadns.transfer;

import dev.caadns.zone.RRset;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/** The record sequences of transfers (RFC 5936 §2.2, RFC 1995 §4), made lazily on the transfer's thread. */
final class Records {
    private Records() {
    }

    /** The whole zone: SOA, every other record, SOA again (AXFR, or an IXFR answered AXFR-style). */
    static Iterator<Rr> whole(ZoneVersion version) {
        return new Iterator<>() {
            private final Rr soa = version.soa();
            private List<RRset> sets;
            private int set;
            private int record;
            /** 0: opening SOA to send, 1: the records, 2: done. */
            private int stage;
            private Rr next;

            @Override
            public boolean hasNext() {
                if (next == null) {
                    next = advance();
                }
                return next != null;
            }

            @Override
            public Rr next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                Rr r = next;
                next = null;
                return r;
            }

            private Rr advance() {
                switch (stage) {
                    case 0 -> {
                        stage = 1;
                        sets = version.rrsets();
                        return soa;
                    }
                    case 1 -> {
                        Rr r = fromSets();
                        if (r != null) {
                            return r;
                        }
                        stage = 2;
                        return soa;
                    }
                    default -> {
                        return null;
                    }
                }
            }

            private Rr fromSets() {
                while (set < sets.size()) {
                    RRset s = sets.get(set);
                    if (record < s.size()) {
                        return new Rr(s.owner(), s.type(), s.ttl(), s.rdata(record++));
                    }
                    set++;
                    record = 0;
                }
                return null;
            }
        };
    }

    /** One condensed difference: current SOA, the client's SOA, deletions, current SOA, additions, current SOA. */
    static Iterator<Rr> incremental(Diff diff) {
        List<Rr> sequence = new java.util.ArrayList<>(diff.size() + 2);
        sequence.add(diff.toSoa());
        sequence.add(diff.fromSoa());
        sequence.addAll(diff.removed());
        sequence.add(diff.toSoa());
        sequence.addAll(diff.added());
        sequence.add(diff.toSoa());
        return sequence.iterator();
    }
}
