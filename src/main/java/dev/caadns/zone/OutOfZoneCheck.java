package dev.caadns.zone;

import java.util.List;
import org.xbill.DNS.Name;

/** Data whose owner is not at or below the origin (dnsjava's Zone would drop it silently). */
final class OutOfZoneCheck implements LoadCheck {

    @Override
    public void apply(Name origin, RecordStore records, List<Finding> findings) {
        byte[] apex = WireName.lower(origin);
        boolean[] inZone = new boolean[records.nodeCount()];
        for (int n = 0; n < inZone.length; n++) {
            inZone[n] = WireName.isAtOrBelow(records.nodeName(n), apex);
        }
        for (int i = 0; i < records.size(); i++) {
            if (records.dropped(i) || inZone[records.node(i)]) {
                continue;
            }
            Name owner = records.ownerName(i);
            findings.add(Findings.error("Z-OUT-OF-ZONE", records, i, "out of zone data: "
                    + Findings.show(records, i) + " is outside " + origin,
                    "move it to the zone of " + owner + ", or if it was meant"
                            + " to be in " + origin + " check for a stray trailing dot or"
                            + " a wrong $ORIGIN"));
            records.drop(i);
        }
    }
}
