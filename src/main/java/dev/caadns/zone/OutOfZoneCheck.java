package dev.caadns.zone;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;

/** Data whose owner is not at or below the origin (dnsjava's Zone would drop it silently). */
final class OutOfZoneCheck implements LoadCheck {

    @Override
    public List<SourcedRecord> apply(Name origin, List<SourcedRecord> records,
                                     List<Finding> findings) {
        List<SourcedRecord> kept = new ArrayList<>();
        for (SourcedRecord r : records) {
            if (r.record().getName().subdomain(origin)) {
                kept.add(r);
            } else {
                findings.add(Findings.error("Z-OUT-OF-ZONE", r, "out of zone data: "
                        + Findings.show(r) + " is outside " + origin,
                        "move it to the zone of " + r.record().getName() + ", or if it was meant"
                                + " to be in " + origin + " check for a stray trailing dot or"
                                + " a wrong $ORIGIN"));
            }
        }
        return kept;
    }
}
