package dev.caadns.zone;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * CNAME stands alone at its name (RFC 1034 §3.6.2, RFC 2181 §10.1; RRSIG and NSEC may join it,
 * RFC 4035 §2.5); one DNAME per name and nothing below it (RFC 6672 §2.4). NSD and Knot both
 * refuse such zones.
 */
final class AliasCheck implements LoadCheck {

    /** A record below the DNAME that was found {@code rank}-th among the zone's DNAMEs. */
    private record Occluded(int rank, int dname, int below) {
    }

    @Override
    public void apply(Name origin, RecordStore records, List<Finding> findings) {
        if (!anyAlias(records)) {
            return; // most zones: no grouping of a million records by name to find nothing
        }
        RecordStore.Groups nodes = records.byNode();
        NameIds dnameOwners = new NameIds(true);
        List<Integer> dnames = new ArrayList<>();
        List<Finding> extraDnames = new ArrayList<>();
        for (int n = 0; n < records.nodeCount(); n++) {
            int cname = -1;
            extraDnames.clear();
            for (int k = nodes.start()[n]; k < nodes.start()[n + 1]; k++) {
                int r = nodes.members()[k];
                int type = records.type(r);
                if (type == Type.CNAME) {
                    if (cname < 0) {
                        cname = r;
                    } else {
                        findings.add(extra(records, r, "Z-CNAME-MULTIPLE", "CNAME"));
                    }
                } else if (type == Type.DNAME) {
                    if (dnameOwners.find(records.nodeName(n), 0, records.nodeName(n).length) < 0) {
                        dnameOwners.add(records.nodeName(n));
                        dnames.add(r);
                    } else {
                        extraDnames.add(extra(records, r, "Z-DNAME-MULTIPLE", "DNAME"));
                    }
                }
            }
            findings.addAll(extraDnames);
            if (cname >= 0) {
                beside(records, cname, nodes, n, findings);
            }
        }
        if (!dnames.isEmpty()) {
            belowDnames(records, dnameOwners, dnames, findings);
        }
    }

    private static boolean anyAlias(RecordStore records) {
        for (int i = 0; i < records.size(); i++) {
            int type = records.type(i);
            if ((type == Type.CNAME || type == Type.DNAME) && !records.dropped(i)) {
                return true;
            }
        }
        return false;
    }

    /** Walks each owner's ancestors instead of the zone per DNAME; reports DNAME by DNAME. */
    private static void belowDnames(RecordStore records, NameIds dnameOwners, List<Integer> dnames,
                                    List<Finding> findings) {
        List<Occluded> occluded = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            if (records.dropped(i)) {
                continue;
            }
            byte[] name = records.nodeName(records.node(i));
            for (int off = name[0] + 1; off < name.length; off += (name[off] & 0xff) + 1) {
                int rank = dnameOwners.find(name, off, name.length - off);
                if (rank >= 0) {
                    occluded.add(new Occluded(rank, dnames.get(rank), i));
                }
                if (name[off] == 0) {
                    break;
                }
            }
        }
        occluded.sort(Comparator.comparingInt(Occluded::rank));
        for (Occluded o : occluded) {
            Name owner = records.ownerName(o.dname());
            findings.add(Findings.error("Z-DNAME-OCCLUDED", records, o.below(), "data below the DNAME"
                    + " at " + owner + " (" + Findings.place(records, o.dname()) + "): "
                    + Findings.show(records, o.below()), "remove it; names below a DNAME are"
                    + " rewritten to " + records.record(o.dname()).getAdditionalName()
                    + " and never answered from here"));
        }
    }

    private static Finding extra(RecordStore records, int r, String code, String type) {
        return Findings.error(code, records, r, "more than one " + type + " at the same name: "
                + Findings.show(records, r), "keep one " + type + " at " + records.ownerName(r));
    }

    private static void beside(RecordStore records, int cname, RecordStore.Groups nodes, int n,
                               List<Finding> findings) {
        for (int k = nodes.start()[n]; k < nodes.start()[n + 1]; k++) {
            int other = nodes.members()[k];
            int type = records.type(other);
            if (type == Type.CNAME || type == Type.RRSIG || type == Type.NSEC) {
                continue;
            }
            String name = Type.string(type);
            findings.add(Findings.error("Z-CNAME-AND-OTHER", records, other, "CNAME and other data"
                    + " at the same name: " + Findings.show(records, other) + " beside the CNAME at "
                    + Findings.place(records, cname), "remove the " + name + " record beside"
                    + " the CNAME at " + records.ownerName(other) + " or turn the CNAME into"
                    + " records"));
        }
    }
}
