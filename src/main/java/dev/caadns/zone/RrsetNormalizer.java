package dev.caadns.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Makes every RRset servable as one set: identical records collapse to the first, and every record
 * takes the TTL of the set's first record, as NSD and Knot serve it (RFC 2181 §5.2, §5.5).
 * What makes records one RRset: owner (case-insensitive), class and type; signatures form one set
 * per type they cover, since each carries that set's TTL.
 */
final class RrsetNormalizer implements LoadCheck {

    private static final Comparator<SourcedRecord> BY_SET = Comparator
            .comparingInt((SourcedRecord r) -> r.record().getDClass())
            .thenComparingInt(r -> r.record().getType())
            .thenComparingInt(r -> covered(r.record()));

    /** What becomes of a record that is not served as it came: dropped (null) or re-TTLed. */
    private record Fix(SourcedRecord served, Finding finding) {
    }

    @Override
    public List<SourcedRecord> apply(Name origin, List<SourcedRecord> records,
                                     List<Finding> findings) {
        Map<SourcedRecord, Fix> fixes = new IdentityHashMap<>();
        for (List<SourcedRecord> node : Nodes.of(records)) {
            SourcedRecord[] sorted = node.toArray(new SourcedRecord[0]);
            Arrays.sort(sorted, BY_SET); // stable: file order within each set
            for (int from = 0, to; from < sorted.length; from = to) {
                to = from + 1;
                while (to < sorted.length && BY_SET.compare(sorted[from], sorted[to]) == 0) {
                    to++;
                }
                if (to - from > 1) {
                    normalize(Arrays.asList(sorted).subList(from, to), fixes);
                }
            }
        }
        if (fixes.isEmpty()) {
            return records;
        }
        List<SourcedRecord> kept = new ArrayList<>(records.size());
        for (SourcedRecord r : records) {
            Fix fix = fixes.get(r);
            if (fix == null) {
                kept.add(r);
                continue;
            }
            findings.add(fix.finding());
            if (fix.served() != null) {
                kept.add(fix.served());
            }
        }
        return kept;
    }

    /** One RRset of two or more records, in file order. */
    private static void normalize(List<SourcedRecord> set, Map<SourcedRecord, Fix> fixes) {
        SourcedRecord first = set.get(0);
        long ttl = first.record().getTTL();
        Map<Record, SourcedRecord> seen = new HashMap<>();
        for (SourcedRecord r : set) {
            SourcedRecord same = seen.putIfAbsent(r.record(), r);
            if (same != null) {
                Finding duplicate = Findings.warning("Z-DUPLICATE", r, "duplicate of the record"
                        + " at " + same.file() + ":" + same.line() + ": " + Findings.show(r)
                        + "; served once", "remove the repeated record");
                fixes.put(r, new Fix(null, duplicate));
            } else if (r.record().getTTL() != ttl) {
                Finding mismatch = Findings.warning("Z-TTL-MISMATCH", r, "TTL "
                        + r.record().getTTL() + " does not match the TTL " + ttl + " of the "
                        + Type.string(r.record().getType()) + " RRset (first at "
                        + first.file() + ":" + first.line() + "); TTL " + ttl
                        + " is served", "give every record of the RRset the same TTL");
                fixes.put(r, new Fix(new SourcedRecord(Rdata.withTtl(r.record(), ttl), r.file(),
                        r.line(), r.comment()), mismatch));
            }
        }
    }

    private static int covered(Record record) {
        return record instanceof RRSIGRecord sig ? sig.getTypeCovered() : 0;
    }
}
