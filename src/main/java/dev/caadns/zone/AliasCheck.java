package dev.caadns.zone;

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

    @Override
    public List<SourcedRecord> apply(Name origin, List<SourcedRecord> records,
                                     List<Finding> findings) {
        Map<Name, List<SourcedRecord>> nodes = Nodes.of(records);
        for (List<SourcedRecord> node : nodes.values()) {
            List<SourcedRecord> cnames = Nodes.ofType(node, Type.CNAME);
            single(cnames, "Z-CNAME-MULTIPLE", "CNAME", findings);
            single(Nodes.ofType(node, Type.DNAME), "Z-DNAME-MULTIPLE", "DNAME", findings);
            if (!cnames.isEmpty()) {
                beside(cnames.get(0), node, findings);
            }
        }
        for (List<SourcedRecord> node : nodes.values()) {
            List<SourcedRecord> dnames = Nodes.ofType(node, Type.DNAME);
            if (dnames.isEmpty()) {
                continue;
            }
            SourcedRecord dname = dnames.get(0);
            Name owner = dname.record().getName();
            for (SourcedRecord below : records) {
                Name name = below.record().getName();
                if (!name.equals(owner) && name.subdomain(owner)) {
                    findings.add(Findings.error("Z-DNAME-OCCLUDED", below, "data below the DNAME"
                            + " at " + owner + " (" + dname.file() + ":" + dname.line() + "): "
                            + Findings.show(below), "remove it; names below a DNAME are"
                            + " rewritten to " + dname.record().getAdditionalName()
                            + " and never answered from here"));
                }
            }
        }
        return records;
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
