package dev.caadns.zone;

import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Meta-types and QTYPEs (OPT, TSIG, TKEY, AXFR, IXFR, ANY, ...) live only in messages, never in
 * zone data (RFC 6895 §3.1); served, an OPT record in an answer would read as the server's EDNS.
 */
final class MetaTypeCheck implements LoadCheck {

    @Override
    public void apply(Name origin, RecordStore records, List<Finding> findings) {
        for (int i = 0; i < records.size(); i++) {
            if (!records.dropped(i) && !Type.isRR(records.type(i))) {
                findings.add(Findings.error("Z-META-TYPE", records, i, Type.string(records.type(i))
                        + " is a meta-type or query type, not zone data: " + Findings.show(records, i),
                        "remove it; such types exist only in DNS messages"));
                records.drop(i);
            }
        }
    }
}
