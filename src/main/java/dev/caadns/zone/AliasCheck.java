package dev.caadns.zone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * CNAME stands alone at its name (RFC 1034 §3.6.2, RFC 2181 §10.1; RRSIG and NSEC may join it,
 * RFC 4035 §2.5); one DNAME per name and nothing below it (RFC 6672 §2.4). NSD and Knot both
 * refuse such zones.
 */
final class AliasCheck implements LoadCheck {

    /** A record below the DNAME that was found {@code rank}-th among the zone's DNAMEs. */
    private record Occluded(int rank, SourcedRecord dname, SourcedRecord below) {
    }

    @Override
    public List<SourcedRecord> apply(Name origin, List<SourcedRecord> records,
                                     List<Finding> findings) {
        Map<Name, Integer> dnameRanks = new HashMap<>();
        List<SourcedRecord> dnames = new ArrayList<>();
        for (List<SourcedRecord> node : Nodes.of(records)) {
            List<SourcedRecord> cnames = Nodes.ofType(node, Type.CNAME);
            List<SourcedRecord> nodeDnames = Nodes.ofType(node, Type.DNAME);
            single(cnames, "Z-CNAME-MULTIPLE", "CNAME", findings);
            single(nodeDnames, "Z-DNAME-MULTIPLE", "DNAME", findings);
            if (!cnames.isEmpty()) {
                beside(cnames.get(0), node, findings);
            }
            if (!nodeDnames.isEmpty()) {
                dnameRanks.put(nodeDnames.get(0).record().getName(), dnames.size());
                dnames.add(nodeDnames.get(0));
            }
        }
        if (!dnames.isEmpty()) {
            belowDnames(records, dnameRanks, dnames, findings);
        }
        return records;
    }

    /** Walks each owner's ancestors instead of the zone per DNAME; reports DNAME by DNAME. */
    private static void belowDnames(List<SourcedRecord> records, Map<Name, Integer> dnameRanks,
                                    List<SourcedRecord> dnames, List<Finding> findings) {
        List<Occluded> occluded = new ArrayList<>();
        for (SourcedRecord below : records) {
            Name name = below.record().getName();
            for (int strip = 1; strip < name.labels(); strip++) {
                Integer rank = dnameRanks.get(new Name(name, strip));
                if (rank != null) {
                    occluded.add(new Occluded(rank, dnames.get(rank), below));
                }
            }
        }
        occluded.sort(Comparator.comparingInt(Occluded::rank));
        for (Occluded o : occluded) {
            Name owner = o.dname().record().getName();
            findings.add(Findings.error("Z-DNAME-OCCLUDED", o.below(), "data below the DNAME"
                    + " at " + owner + " (" + o.dname().file() + ":" + o.dname().line() + "): "
                    + Findings.show(o.below()), "remove it; names below a DNAME are"
                    + " rewritten to " + o.dname().record().getAdditionalName()
                    + " and never answered from here"));
        }
    }

    private static void single(List<SourcedRecord> set, String code, String type,
                               List<Finding> findings) {
        for (SourcedRecord extra : set.stream().skip(1).toList()) {
            findings.add(Findings.error(code, extra, "more than one " + type + " at the same name: "
                    + Findings.show(extra), "keep one " + type + " at "
                    + extra.record().getName()));
        }
    }

    private static void beside(SourcedRecord cname, List<SourcedRecord> node,
                               List<Finding> findings) {
        for (SourcedRecord other : node) {
            int type = other.record().getType();
            if (type == Type.CNAME || type == Type.RRSIG || type == Type.NSEC) {
                continue;
            }
            String name = Type.string(type);
            findings.add(Findings.error("Z-CNAME-AND-OTHER", other, "CNAME and other data at the"
                    + " same name: " + Findings.show(other) + " beside the CNAME at "
                    + cname.file() + ":" + cname.line(), "remove the " + name + " record beside"
                    + " the CNAME at " + other.record().getName() + " or turn the CNAME into"
                    + " records"));
        }
    }
}
