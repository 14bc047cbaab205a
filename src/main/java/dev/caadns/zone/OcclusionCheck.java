package dev.caadns.zone;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Data at or below a delegation belongs to the child zone (RFC 1034 §4.2.1) and is not served,
 * except the delegation's own NS/DS (and their NSEC/RRSIG) and glue: addresses of names some NS
 * record points to.
 */
final class OcclusionCheck implements LoadCheck {

    private static final Set<Integer> AT_CUT = Set.of(Type.NS, Type.DS, Type.NSEC, Type.RRSIG);

    @Override
    public List<SourcedRecord> apply(Name origin, List<SourcedRecord> records,
                                     List<Finding> findings) {
        Map<Name, SourcedRecord> cuts = new HashMap<>();
        Set<Name> nsTargets = new HashSet<>();
        for (SourcedRecord r : records) {
            if (r.record() instanceof NSRecord ns) {
                nsTargets.add(ns.getTarget());
                if (!r.record().getName().equals(origin)) {
                    cuts.putIfAbsent(r.record().getName(), r);
                }
            }
        }
        if (cuts.isEmpty()) {
            return records;
        }
        List<SourcedRecord> kept = new ArrayList<>();
        for (SourcedRecord r : records) {
            Name name = r.record().getName();
            Name cut = topmostCut(name, origin, cuts);
            if (cut == null || served(r, cut, nsTargets)) {
                kept.add(r);
                continue;
            }
            SourcedRecord delegation = cuts.get(cut);
            findings.add(Findings.warning("Z-OCCLUDED", r, (name.equals(cut) ? "at" : "below")
                    + " the delegation to " + cut + " (" + delegation.file() + ":"
                    + delegation.line() + "), not served: " + Findings.show(r),
                    "move it to the zone file of " + cut + ", or remove the delegation if "
                            + cut + " belongs to this zone"));
        }
        return kept;
    }

    private static boolean served(SourcedRecord r, Name cut, Set<Name> nsTargets) {
        int type = r.record().getType();
        boolean glue = (type == Type.A || type == Type.AAAA)
                && nsTargets.contains(r.record().getName());
        return glue || (r.record().getName().equals(cut) && AT_CUT.contains(type));
    }

    /** The delegation closest to the apex that covers {@code name}, or null. */
    private static Name topmostCut(Name name, Name origin, Map<Name, SourcedRecord> cuts) {
        for (int labels = origin.labels() + 1; labels <= name.labels(); labels++) {
            Name ancestor = new Name(name, name.labels() - labels);
            if (cuts.containsKey(ancestor)) {
                return ancestor;
            }
        }
        return null;
    }
}
