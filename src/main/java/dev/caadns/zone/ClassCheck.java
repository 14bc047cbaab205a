package dev.caadns.zone;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;

/** Only class IN is served (NSD refuses other classes the same way). */
final class ClassCheck implements LoadCheck {

    @Override
    public List<SourcedRecord> apply(Name origin, List<SourcedRecord> records,
                                     List<Finding> findings) {
        List<SourcedRecord> kept = new ArrayList<>();
        for (SourcedRecord r : records) {
            if (r.record().getDClass() == DClass.IN) {
                kept.add(r);
            } else {
                findings.add(Findings.error("Z-CLASS", r, "record of class "
                        + DClass.string(r.record().getDClass()) + ": " + Findings.show(r),
                        "write it in class IN or remove it; only IN is served"));
            }
        }
        return kept;
    }
}
