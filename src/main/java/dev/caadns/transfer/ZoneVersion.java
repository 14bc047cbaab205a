package dev.caadns.transfer;

import dev.caadns.answer.SignedZone;
import dev.caadns.zone.Node;
import dev.caadns.zone.RRset;
import dev.caadns.zone.ZoneContent;
import dev.caadns.zone.ZoneIndex;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One version of a zone as transferred: its data as served, with what plugins synthesize written out
 * as records, and for a signed zone every DNSSEC record beside them. Immutable, so a transfer reads
 * one version start to end whatever is published meanwhile.
 *
 * @param served the index queries are answered from
 * @param content served, plus the records plugins synthesize (the same index when they add none)
 * @param signedBy the signed side it was made with (to tell a re-signing from no change); null when unsigned
 * @param signed content as signed, with its RRSIGs and the signer's records; null when unsigned
 */
record ZoneVersion(ZoneIndex served, ZoneIndex content, SignedZone signedBy, SignedZone.Transferred signed) {
    ZoneVersion(ZoneIndex served, ZoneIndex content) {
        this(served, content, null, null);
    }

    long serial() {
        return content.serial();
    }

    Rr soa() {
        RRset soa = content.apex().get(Rr.SOA);
        return new Rr(soa.owner(), Rr.SOA, soa.ttl(), soa.rdata(0));
    }

    /** Every RRset but the apex SOA, in transfer order (off the query path: a large zone has many). */
    List<RRset> rrsets() {
        if (signed != null) {
            List<RRset> all = signed.rrsets();
            return all.subList(1, all.size()); // the apex SOA is first
        }
        List<RRset> sets = new ArrayList<>(content.nameCount());
        RRset soa = content.apex().get(Rr.SOA);
        content.forEachNode(node -> {
            for (RRset set : node.rrsets()) {
                if (set != soa) {
                    sets.add(set);
                }
            }
        });
        return sets;
    }

    /** What changed from an older version to this one, the SOA aside (RFC 1995 §4: one difference sequence). */
    Diff since(ZoneVersion older) {
        List<Rr> removed = new ArrayList<>();
        List<Rr> added = new ArrayList<>();
        if (signed == null && older.signed == null) {
            changed(older.content, content, removed);
            changed(content, older.content, added);
        } else {
            changed(older.rrsets(), rrsets(), removed, added);
        }
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
                    if (!ZoneContent.holds(theirs, set.rdata(i))) {
                        out.add(new Rr(set.owner(), set.type(), set.ttl(), set.rdata(i)));
                    }
                }
            }
        });
    }

    /**
     * Record by record, as a signed zone has RRSIGs of several TTLs at one name: what only from holds
     * goes to removed, what only to holds to added.
     */
    private static void changed(List<RRset> from, List<RRset> to, List<Rr> removed, List<Rr> added) {
        Set<Rr> before = new LinkedHashSet<>();
        from.forEach(set -> Rr.addAll(set, before));
        List<Rr> now = new ArrayList<>();
        to.forEach(set -> Rr.addAll(set, now));
        for (Rr r : now) {
            if (!before.remove(r)) {
                added.add(r);
            }
        }
        removed.addAll(before);
    }
}
