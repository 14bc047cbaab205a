package dev.caadns.zone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Makes every RRset servable as one set: identical records collapse to the first, and every record
 * takes the TTL of the set's first record, as NSD and Knot serve it (RFC 2181 §5.2, §5.5).
 */
final class RrsetNormalizer implements LoadCheck {

    @Override
    public List<SourcedRecord> apply(Name origin, List<SourcedRecord> records,
                                     List<Finding> findings) {
        Map<RrsetKey, List<SourcedRecord>> sets = new LinkedHashMap<>();
        List<SourcedRecord> kept = new ArrayList<>();
        for (SourcedRecord r : records) {
            List<SourcedRecord> set = sets.computeIfAbsent(RrsetKey.of(r.record()),
                    k -> new ArrayList<>());
            SourcedRecord same = set.stream().filter(s -> s.record().equals(r.record()))
                    .findFirst().orElse(null);
            if (same != null) {
                findings.add(Findings.warning("Z-DUPLICATE", r, "duplicate of the record at "
                        + same.file() + ":" + same.line() + ": " + Findings.show(r)
                        + "; served once", "remove the repeated record"));
                continue;
            }
            SourcedRecord served = r;
            if (!set.isEmpty()) {
                long ttl = set.get(0).record().getTTL();
                if (r.record().getTTL() != ttl) {
                    findings.add(Findings.warning("Z-TTL-MISMATCH", r, "TTL "
                            + r.record().getTTL() + " does not match the TTL " + ttl + " of the "
                            + Type.string(r.record().getType()) + " RRset (first at "
                            + set.get(0).file() + ":" + set.get(0).line() + "); TTL " + ttl
                            + " is served", "give every record of the RRset the same TTL"));
                    served = new SourcedRecord(Rdata.withTtl(r.record(), ttl), r.file(),
                            r.line(), r.comment());
                }
            }
            set.add(served);
            kept.add(served);
        }
        return kept;
    }
}
