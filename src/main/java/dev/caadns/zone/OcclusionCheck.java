package dev.caadns.zone;

import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Data at or below a delegation belongs to the child zone (RFC 1034 §4.2.1) and is not served,
 * except the delegation's own NS/DS (and their NSEC/RRSIG) and glue: addresses of names some NS
 * record points to.
 */
final class OcclusionCheck implements LoadCheck {

    @Override
    public void apply(Name origin, RecordStore records, List<Finding> findings) {
        byte[] apex = WireName.lower(origin);
        int apexNode = records.findNode(apex, 0, apex.length);
        int[] delegation = new int[records.nodeCount()]; // first NS record + 1 at each cut, else 0
        NameIds nsTargets = new NameIds(true);
        boolean anyCut = false;
        for (int i = 0; i < records.size(); i++) {
            if (!records.dropped(i) && records.type(i) == Type.NS) {
                nsTargets.add(records.data(), records.rdataStart(i), records.rdataLength(i));
                int node = records.node(i);
                if (node != apexNode && delegation[node] == 0) {
                    delegation[node] = i + 1;
                    anyCut = true;
                }
            }
        }
        if (!anyCut) {
            return;
        }
        int[] cutOf = topmostCuts(records, apex, delegation);
        for (int i = 0; i < records.size(); i++) {
            int cut = records.dropped(i) ? -1 : cutOf[records.node(i)];
            if (cut < 0 || served(records, i, cut, nsTargets)) {
                continue;
            }
            Name name = records.ownerName(i);
            byte[] cutName = records.nodeName(cut);
            Name cutAsWritten = new Name(name, name.labels() - WireName.labelCount(cutName) - 1);
            int ns = delegation[cut] - 1;
            findings.add(Findings.warning("Z-OCCLUDED", records, i,
                    (records.node(i) == cut ? "at" : "below") + " the delegation to " + cutAsWritten
                            + " (" + Findings.place(records, ns) + "), not served: "
                            + Findings.show(records, i), "move it to the zone file of "
                            + cutAsWritten + ", or remove the delegation if " + cutAsWritten
                            + " belongs to this zone"));
            records.drop(i);
        }
    }

    /** Per node, the delegation closest to the apex at or above it, or -1. */
    private static int[] topmostCuts(RecordStore records, byte[] apex, int[] delegation) {
        int[] cutOf = new int[records.nodeCount()];
        Arrays.fill(cutOf, -1);
        for (int n = 0; n < cutOf.length; n++) {
            byte[] name = records.nodeName(n);
            if (!WireName.isAtOrBelow(name, apex)) {
                continue;
            }
            // ancestors from the name up to just below the apex; the last one found is the topmost
            for (int off = 0; name.length - off > apex.length; off += (name[off] & 0xff) + 1) {
                int ancestor = records.findNode(name, off, name.length - off);
                if (ancestor >= 0 && delegation[ancestor] != 0) {
                    cutOf[n] = ancestor;
                }
            }
        }
        return cutOf;
    }

    private static boolean served(RecordStore records, int i, int cut, NameIds nsTargets) {
        int type = records.type(i);
        byte[] name = records.nodeName(records.node(i));
        boolean glue = (type == Type.A || type == Type.AAAA)
                && nsTargets.find(name, 0, name.length) >= 0;
        return glue || (records.node(i) == cut && (type == Type.NS || type == Type.DS
                || type == Type.NSEC || type == Type.RRSIG));
    }
}
