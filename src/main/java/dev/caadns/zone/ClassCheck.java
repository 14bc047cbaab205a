package dev.caadns.zone;

import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;

/** Only class IN is served (NSD refuses other classes the same way). */
final class ClassCheck implements LoadCheck {

    @Override
    public void apply(Name origin, RecordStore records, List<Finding> findings) {
        for (int i = 0; i < records.size(); i++) {
            if (!records.dropped(i) && records.dclass(i) != DClass.IN) {
                findings.add(Findings.error("Z-CLASS", records, i, "record of class "
                        + DClass.string(records.dclass(i)) + ": " + Findings.show(records, i),
                        "write it in class IN or remove it; only IN is served"));
                records.drop(i);
            }
        }
    }
}
