package dev.caadns.transfer;

import dev.caadns.zone.Node;
import dev.caadns.zone.RRset;
import dev.caadns.zone.ZoneIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One version of a zone as transferred: its data as served, with what plugins synthesize written out
 * as records. Immutable, so a transfer reads one version start to end whatever is published meanwhile.
 *
 * @param served the index queries are answered from
 * @param content served, plus the records plugins synthesize (the same index when they add none)
 */
record ZoneVersion(ZoneIndex served, ZoneIndex content) {
    long serial() {
        return content.serial();
    }

    Rr soa() {
        RRset soa = content.apex().get(Rr.SOA);
        return new Rr(soa.owner(), Rr.SOA, soa.ttl(), soa.rdata(0));
    }

    /** Every node, to walk in a transfer (off the query path: a large zone has many). */
    List<Node> nodes() {
        List<Node> nodes = new ArrayList<>(content.nameCount());
        content.forEachNode(nodes::add);
        return nodes;
    }

    /** What changed from an older version to this one, the SOA aside (RFC 1995 §4: one difference sequence). */
    Diff since(ZoneVersion older) {
        List<Rr> removed = new ArrayList<>();
        List<Rr> added = new ArrayList<>();
        changed(older.content, content, removed);
        changed(content, older.content, added);
        return new Diff(older.soa(), soa(), removed, added);
    }

    /** The records of from that to does not hold, the apex SOA aside. */
    private static void changed(ZoneIndex from, ZoneIndex to, List<Rr> out) {
        from.forEachNode(node -> {
            Node other = to.find(node.name(), 0, node.name().length);
            for (RRset set : node.rrsets()) {
                if (set.type() == Rr.SOA && node == from.apex()) {
                    continue;
                }
                RRset theirs = other == null ? null : other.get(set.type());
                if (theirs == null || theirs.ttl() != set.ttl()) {
                    Rr.addAll(set, out);
                    continue;
                }
                for (int i = 0; i < set.size(); i++) {
                    if (!holds(theirs, set.rdata(i))) {
                        out.add(new Rr(set.owner(), set.type(), set.ttl(), set.rdata(i)));
                    }
                }
            }
        });
    }

    private static boolean holds(RRset set, byte[] rdata) {
        for (int i = 0; i < set.size(); i++) {
            if (Arrays.equals(set.rdata(i), rdata)) {
                return true;
            }
        }
        return false;
    }
}
