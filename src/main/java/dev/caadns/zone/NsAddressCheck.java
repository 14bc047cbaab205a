package dev.caadns.zone;

import java.util.List;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * An NS target inside the zone needs an A or AAAA here, or nobody can reach that server: the
 * zone is its only source (Knot's "missing glue" check). Glue below a delegation counts.
 */
final class NsAddressCheck implements LoadCheck {

    @Override
    public void apply(Name origin, RecordStore records, List<Finding> findings) {
        // the in-zone targets are few; owners are many, so look owners up among the targets
        byte[] apex = WireName.lower(origin);
        NameIds targets = new NameIds(true);
        for (int i = 0; i < records.size(); i++) {
            if (!records.dropped(i) && records.type(i) == Type.NS) {
                byte[] target = WireName.lower(records.data(), records.rdataStart(i),
                        records.rdataLength(i));
                if (WireName.isAtOrBelow(target, apex)) {
                    targets.add(target);
                }
            }
        }
        if (targets.size() == 0) {
            return;
        }
        // each target's node, so the owners' addresses are matched by node id, not by hashing each name
        int[] targetOf = new int[records.nodeCount()];
        java.util.Arrays.fill(targetOf, -1);
        for (int t = 0; t < targets.size(); t++) {
            byte[] target = targets.name(t);
            int node = records.findNode(target, 0, target.length);
            if (node >= 0) {
                targetOf[node] = t;
            }
        }
        boolean[] addressed = new boolean[targets.size()];
        for (int i = 0; i < records.size(); i++) {
            int type = records.type(i);
            if ((type == Type.A || type == Type.AAAA) && !records.dropped(i)) {
                int target = targetOf[records.node(i)];
                if (target >= 0) {
                    addressed[target] = true;
                }
            }
        }
        for (int i = 0; i < records.size(); i++) {
            if (records.dropped(i) || records.type(i) != Type.NS) {
                continue;
            }
            int target = targets.find(records.data(), records.rdataStart(i), records.rdataLength(i));
            if (target >= 0 && !addressed[target]) {
                Name server = ((NSRecord) records.record(i)).getTarget();
                findings.add(Findings.warning("Z-NS-NO-ADDRESS", records, i, "name server "
                        + server + " is in this zone but has no A or AAAA record",
                        "add an A or AAAA record for " + server + " (glue, if it is at"
                                + " or below a delegation) or point the NS at another server"));
            }
        }
    }
}
