package dev.caadns.zone;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** One SOA, at the apex (RFC 1035 §5.2); NS at the apex (RFC 1034 §4.2.1). */
final class ApexCheck implements LoadCheck {

    private final String source;

    ApexCheck(String source) {
        this.source = source;
    }

    @Override
    public void apply(Name origin, RecordStore records, List<Finding> findings) {
        byte[] apexName = WireName.lower(origin);
        int apexNode = records.findNode(apexName, 0, apexName.length);
        List<Integer> apex = new ArrayList<>();
        boolean apexNs = false;
        for (int i = 0; i < records.size(); i++) {
            if (records.dropped(i)) {
                continue;
            }
            boolean atApex = records.node(i) == apexNode;
            if (records.type(i) == Type.SOA) {
                if (atApex) {
                    apex.add(i);
                } else {
                    findings.add(Findings.error("Z-SOA-NOT-APEX", records, i, "SOA below the apex: "
                            + Findings.show(records, i), "remove it; the only SOA belongs at " + origin
                            + " (a child zone needs its own file and an NS delegation here)"));
                }
            }
            apexNs |= atApex && records.type(i) == Type.NS;
        }
        if (apex.isEmpty()) {
            findings.add(Findings.error("Z-SOA-MISSING", source, 0, origin, "zone has no SOA"
                    + " record at its apex", "add one, e.g. \"@ 3600 IN SOA ns1 hostmaster 1"
                    + " 7200 3600 1209600 300\""));
        }
        for (int extra : apex.subList(Math.min(1, apex.size()), apex.size())) {
            findings.add(Findings.error("Z-SOA-MULTIPLE", records, extra, "second SOA at the apex: "
                    + Findings.show(records, extra) + " (first at "
                    + Findings.place(records, apex.get(0)) + ")",
                    "keep one SOA record and remove the others"));
        }
        if (!apexNs) {
            findings.add(new Finding(Severity.WARNING, "Z-NS-APEX-MISSING", source, 0,
                    origin.toString(), "zone has no NS records at its apex", "add \"@ NS"
                    + " ns1." + origin + "\" (and an address for it) so the zone can be"
                    + " delegated to"));
        }
    }
}
