package dev.caadns.zone;

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
    public List<SourcedRecord> apply(Name origin, List<SourcedRecord> records,
                                     List<Finding> findings) {
        List<SourcedRecord> apex = Nodes.ofType(records, Type.SOA).stream()
                .filter(r -> r.record().getName().equals(origin)).toList();
        for (SourcedRecord soa : Nodes.ofType(records, Type.SOA)) {
            if (!soa.record().getName().equals(origin)) {
                findings.add(Findings.error("Z-SOA-NOT-APEX", soa, "SOA below the apex: "
                        + Findings.show(soa), "remove it; the only SOA belongs at " + origin
                        + " (a child zone needs its own file and an NS delegation here)"));
            }
        }
        if (apex.isEmpty()) {
            findings.add(Findings.error("Z-SOA-MISSING", source, 0, origin, "zone has no SOA"
                    + " record at its apex", "add one, e.g. \"@ 3600 IN SOA ns1 hostmaster 1"
                    + " 7200 3600 1209600 300\""));
        }
        for (SourcedRecord extra : apex.stream().skip(1).toList()) {
            findings.add(Findings.error("Z-SOA-MULTIPLE", extra, "second SOA at the apex: "
                    + Findings.show(extra) + " (first at " + apex.get(0).file() + ":"
                    + apex.get(0).line() + ")", "keep one SOA record and remove the others"));
        }
        boolean apexNs = records.stream().anyMatch(r -> r.record().getType() == Type.NS
                && r.record().getName().equals(origin));
        if (!apexNs) {
            findings.add(new Finding(Severity.WARNING, "Z-NS-APEX-MISSING", source, 0,
                    origin.toString(), "zone has no NS records at its apex", "add \"@ NS"
                    + " ns1." + origin + "\" (and an address for it) so the zone can be"
                    + " delegated to"));
        }
        return records;
    }
}
