package dev.caadns.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The immutable, lookup-ready form of one zone. Every name between an owner and the apex exists as a
 * node (empty non-terminals included), so the answer path only ever asks "does this exact name exist".
 * Built once off the query path; readers never lock.
 */
public final class ZoneIndex {
    private final byte[] origin;
    private final int originLabels;
    private final Node apex;
    private final NameTable<Node> nodes;
    private final RRset negativeSoa;
    private final long serial;
    private final int recordCount;

    private ZoneIndex(byte[] origin, Node apex, NameTable<Node> nodes, RRset negativeSoa, long serial,
                      int recordCount) {
        this.origin = origin;
        this.originLabels = WireName.labelCount(origin);
        this.apex = apex;
        this.nodes = nodes;
        this.negativeSoa = negativeSoa;
        this.serial = serial;
        this.recordCount = recordCount;
    }

    /** Lowercase wire form of the apex name. */
    public byte[] origin() {
        return origin;
    }

    public int originLabels() {
        return originLabels;
    }

    public Node apex() {
        return apex;
    }

    public Node find(byte[] buf, int off, int len) {
        return nodes.get(buf, off, len);
    }

    /** The SOA as it goes into negative answers: TTL = min(SOA TTL, MINIMUM), RFC 2308 §5. */
    public RRset negativeSoa() {
        return negativeSoa;
    }

    public long serial() {
        return serial;
    }

    public int recordCount() {
        return recordCount;
    }

    /** The records of (owner, type) as served; empty when none. */
    public List<Record> rrset(Name owner, int type) {
        byte[] name = WireName.lower(owner);
        Node node = nodes.get(name);
        RRset set = node == null ? null : node.get(type);
        List<Record> records = new ArrayList<>();
        if (set != null) {
            for (int i = 0; i < set.size(); i++) {
                records.add(Rdata.record(owner, type, set.ttl(), set.rdata(i)));
            }
        }
        return records;
    }

    /**
     * Every record, rebuilt from the index: how a zone is changed at runtime without keeping its
     * parsed records in memory beside the index.
     */
    public List<Record> records() {
        List<Record> records = new ArrayList<>(recordCount);
        nodes.forEach(node -> {
            Name owner = WireName.toName(node.owner());
            for (RRset set : node.rrsets()) {
                for (int i = 0; i < set.size(); i++) {
                    records.add(Rdata.record(owner, set.type(), set.ttl(), set.rdata(i)));
                }
            }
        });
        return records;
    }

    public int nameCount() {
        return nodes.size();
    }

    public Name originName() {
        return WireName.toName(origin);
    }

    public static ZoneIndex of(LoadedZone zone) {
        List<Record> records = new ArrayList<>(zone.records().size());
        zone.records().forEach(r -> records.add(r.record()));
        return of(zone.origin(), records);
    }

    /**
     * Indexes records that were already checked: one SOA at the apex, one TTL per RRset, no duplicates,
     * nothing out of zone. Glue below a cut is kept; the lookup never answers from it.
     */
    public static ZoneIndex of(Name origin, List<Record> records) {
        byte[] originWire = WireName.lower(origin);
        NameTable.Builder<Node> table = new NameTable.Builder<>();
        List<Node> all = new ArrayList<>();
        Node apexNode = nodeFor(table, all, originWire, WireName.asWritten(origin));
        List<Nodes.Group<Record>> owners = Nodes.group(records, Record::getName);
        // Owners first, so a node takes the case of its first record, not of a name below it.
        Node[] ownerNodes = new Node[owners.size()];
        for (int i = 0; i < ownerNodes.length; i++) {
            Nodes.Group<Record> owner = owners.get(i);
            ownerNodes[i] = nodeFor(table, all, owner.name(),
                    WireName.asWritten(owner.items().get(0).getName()));
        }
        for (Node owner : ownerNodes) {
            addEmptyNonTerminals(table, all, owner.name(), originWire);
        }
        SOARecord soa = null;
        List<TargetLinks> targetLinks = new ArrayList<>();
        for (int i = 0; i < ownerNodes.length; i++) {
            Node node = ownerNodes[i];
            Record[] byType = owners.get(i).items().toArray(new Record[0]);
            Arrays.sort(byType, BY_TYPE); // stable: file order within each RRset
            List<RRset> sets = new ArrayList<>(2);
            for (int from = 0, to; from < byType.length; from = to) {
                int type = byType[from].getType();
                to = from + 1;
                while (to < byType.length && byType[to].getType() == type) {
                    to++;
                }
                List<Record> set = Arrays.asList(byType).subList(from, to);
                RRset rrset = toRRset(node, type, set);
                sets.add(rrset);
                if (type == Type.SOA && node == apexNode) {
                    soa = (SOARecord) set.get(0);
                }
                if (type == Type.NS || type == Type.MX || type == Type.SRV) {
                    targetLinks.add(new TargetLinks(rrset, set));
                }
            }
            node.rrsets(sets.toArray(new RRset[0]));
            node.delegation(node != apexNode && node.get(Type.NS) != null);
        }
        if (soa == null) {
            throw new IllegalArgumentException("zone " + origin + " has no SOA at its apex");
        }
        NameTable<Node> nodes = table.build();
        linkTree(all, nodes, originWire);
        for (TargetLinks links : targetLinks) {
            links.linkTargets(nodes);
        }
        RRset negative = apexNode.get(Type.SOA).withTtl(Math.min(soa.getTTL(), soa.getMinimum()));
        return new ZoneIndex(originWire, apexNode, nodes, negative, soa.getSerial(), records.size());
    }

    private static final Comparator<Record> BY_TYPE = Comparator.comparingInt(Record::getType);

    /** An NS, MX or SRV RRset with its records, whose targets' addresses go in the additional section. */
    private record TargetLinks(RRset set, List<Record> records) {
        void linkTargets(NameTable<Node> nodes) {
            List<Node> targets = new ArrayList<>();
            for (Record r : records) {
                Name target = r.getAdditionalName();
                Node node = target == null ? null : nodes.get(WireName.lower(target));
                if (node != null && !targets.contains(node)) {
                    targets.add(node);
                }
            }
            set.additionalTargets(targets.toArray(RRset.NO_NODES));
        }
    }

    private static Node nodeFor(NameTable.Builder<Node> table, List<Node> all, byte[] lower,
                                byte[] asWritten) {
        Node node = table.get(lower);
        if (node == null) {
            node = new Node(lower, asWritten);
            table.put(lower, node);
            all.add(node);
        }
        return node;
    }

    /** Adds every name between an owner and the apex that has no records of its own. */
    private static void addEmptyNonTerminals(NameTable.Builder<Node> table, List<Node> all, byte[] owner,
                                             byte[] originWire) {
        for (int off = owner[0] + 1; owner.length - off > originWire.length; off += owner[off] + 1) {
            byte[] ancestor = Arrays.copyOfRange(owner, off, owner.length);
            nodeFor(table, all, ancestor, ancestor);
        }
    }

    private static RRset toRRset(Node node, int type, List<Record> records) {
        byte[][] rdata = new byte[records.size()][];
        for (int i = 0; i < rdata.length; i++) {
            rdata[i] = Rdata.wire(records.get(i));
        }
        return new RRset(node.owner(), type, records.get(0).getTTL(), rdata);
    }

    private static void linkTree(List<Node> all, NameTable<Node> nodes, byte[] originWire) {
        List<Node> byDepth = new ArrayList<>(all);
        byDepth.sort(Comparator.comparingInt(n -> n.name().length));
        for (Node node : byDepth) {
            if (node.name().length == originWire.length) {
                continue;
            }
            int parentOff = node.name()[0] + 1;
            Node parent = nodes.get(node.name(), parentOff, node.name().length - parentOff);
            if (parent.cut() != null) {
                node.cut(parent.cut());
            } else if (parent.isDelegation() || parent.get(Type.DNAME) != null) {
                node.cut(parent);
            }
            if (node.name()[0] == 1 && node.name()[1] == '*') {
                parent.wildcard(node);
            }
        }
    }
}
