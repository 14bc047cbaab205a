package dev.caadns.transfer;

import dev.caadns.zone.Node;
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
            private List<Node> nodes;
            private int node;
            private int set;
            private int record;
            /** 0: opening SOA to send, 1: the records, 2: closing SOA to send, 3: done. */
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
                        nodes = version.nodes();
                        return soa;
                    }
                    case 1 -> {
                        Rr r = fromNodes();
                        if (r != null) {
                            return r;
                        }
                        stage = 3;
                        return soa;
                    }
                    default -> {
                        return null;
                    }
                }
            }

            private Rr fromNodes() {
                while (node < nodes.size()) {
                    Node n = nodes.get(node);
                    RRset[] sets = n.rrsets();
                    while (set < sets.length) {
                        RRset s = sets[set];
                        boolean apexSoa = s.type() == Rr.SOA && n == version.content().apex();
                        if (!apexSoa && record < s.size()) {
                            return new Rr(s.owner(), s.type(), s.ttl(), s.rdata(record++));
                        }
                        set++;
                        record = 0;
                    }
                    node++;
                    set = 0;
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
