package dev.caadns.zone;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * An NS target inside the zone needs an A or AAAA here, or nobody can reach that server: the
 * zone is its only source (Knot's "missing glue" check). Glue below a delegation counts.
 */
final class NsAddressCheck implements LoadCheck {

    @Override
    public List<SourcedRecord> apply(Name origin, List<SourcedRecord> records,
                                     List<Finding> findings) {
        // the in-zone targets are few; owners are many, so look owners up among the targets
        Set<Name> targets = new HashSet<>();
        for (SourcedRecord r : records) {
            if (r.record() instanceof NSRecord ns && ns.getTarget().subdomain(origin)) {
                targets.add(ns.getTarget());
            }
        }
        if (targets.isEmpty()) {
            return records;
        }
        Set<Name> addressed = new HashSet<>();
        for (SourcedRecord r : records) {
            int type = r.record().getType();
            if ((type == Type.A || type == Type.AAAA) && targets.contains(r.record().getName())) {
                addressed.add(r.record().getName());
            }
        }
        for (SourcedRecord r : records) {
            if (r.record() instanceof NSRecord ns && targets.contains(ns.getTarget())
                    && !addressed.contains(ns.getTarget())) {
                findings.add(Findings.warning("Z-NS-NO-ADDRESS", r, "name server "
                        + ns.getTarget() + " is in this zone but has no A or AAAA record",
                        "add an A or AAAA record for " + ns.getTarget() + " (glue, if it is at"
                                + " or below a delegation) or point the NS at another server"));
            }
        }
        return records;
    }
}
