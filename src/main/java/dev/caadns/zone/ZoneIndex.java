package dev.caadns.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
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
    private final NodeTable nodes;
    private final RRset negativeSoa;
    private final long serial;
    private final int recordCount;

    private ZoneIndex(byte[] origin, Node apex, NodeTable nodes, RRset negativeSoa, long serial,
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

    NodeTable table() {
        return nodes;
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

    /** The index a load built; fails for a zone without an SOA at its apex. */
    public static ZoneIndex of(LoadedZone zone) {
        ZoneIndex index = zone.index();
        if (index.negativeSoa == null) {
            throw new IllegalArgumentException("zone " + zone.origin() + " has no SOA at its apex");
        }
        return index;
    }

    /**
     * Indexes records that were already checked: one SOA at the apex, one TTL per RRset, no duplicates,
     * nothing out of zone. Glue below a cut is kept; the lookup never answers from it.
     */
    public static ZoneIndex of(Name origin, List<Record> records) {
        ZoneIndex index = build(origin, RecordStore.ofRecords(records), null);
        if (index.negativeSoa == null) {
            throw new IllegalArgumentException("zone " + origin + " has no SOA at its apex");
        }
        return index;
    }

    /** True when the zone has its SOA at the apex, so it can answer negatively and be served. */
    public boolean hasSoa() {
        return negativeSoa != null;
    }

    /**
     * Every node, empty non-terminals included, in the order the build added them (owners in reading
     * order, then the apex, then the empty non-terminals), the order they were allocated in.
     */
    public void forEachNode(java.util.function.Consumer<Node> action) {
        nodes.forEach(action);
    }

    /**
     * Indexes the records {@code records} did not drop, straight from its arrays; a zone without an
     * SOA gets an index too (for the checks), with no negative SOA.
     *
     * @param order null, or receives where each indexed record was in {@code records}
     */
    static ZoneIndex build(Name origin, RecordStore records, LoadOrder order) {
        byte[] originWire = WireName.lower(origin);
        RecordStore.Groups groups = records.byNode();
        int[] start = groups.start();
        int[] members = groups.members();
        // sized for the owners, so adding them never regrows it (empty non-terminals may)
        NodeTable.Builder table = new NodeTable.Builder(records.nodeCount() + 1);
        Node apexNode = new Node(originWire);
        int apexStart = -1;
        // Owners first, so a node takes the case of its first record, not of a name below it. The
        // parse numbered the owners by lowercase name: each is a new node, found by no lookup (the
        // store's lookups may be gone already).
        Node[] ownerNodes = new Node[records.nodeCount()];
        List<Node> wildcards = new ArrayList<>();
        for (int n = 0; n < ownerNodes.length; n++) {
            if (Arrays.equals(records.nodeName(n), originWire)) {
                ownerNodes[n] = groups.size(n) > 0 ? apexNode : null;
                apexStart = groups.size(n) > 0 ? start[n] : -1;
            } else if (groups.size(n) > 0) {
                ownerNodes[n] = new Node(records.nodeName(n));
                table.add(ownerNodes[n], start[n]);
                if (WireName.isWildcard(ownerNodes[n].name())) {
                    wildcards.add(ownerNodes[n]);
                }
            }
        }
        table.add(apexNode, apexStart);
        for (Node owner : ownerNodes) {
            if (owner != null) {
                addEmptyNonTerminals(table, owner.name(), originWire, wildcards);
            }
        }
        RRsetData data = new RRsetData(records.size() * 6);
        List<RRset> sets = new ArrayList<>(4);
        RRset soa = null;
        boolean anyCut = false;
        int[] set = new int[16];
        int position = 0;
        for (int n = 0; n < ownerNodes.length; n++) {
            Node node = ownerNodes[n];
            int size = groups.size(n);
            if (node == null) {
                continue;
            }
            if (set.length < size) {
                set = new int[size * 2];
            }
            System.arraycopy(members, start[n], set, 0, size);
            sortByType(records, set, size);
            // the apex is spelled as the zone's name was, other nodes as their first record
            byte[] asWritten = node == apexNode ? WireName.asWritten(origin) : records.owner(set[0]);
            byte[] owner = asWritten == node.name() || Arrays.equals(asWritten, node.name()) ? node.name() : asWritten;
            sets.clear();
            for (int from = 0, to; from < size; from = to) {
                int type = records.type(set[from]);
                to = from + 1;
                while (to < size && records.type(set[to]) == type) {
                    to++;
                }
                RRset rrset = data.add(owner, records, set, from, to);
                sets.add(rrset);
                if (type == Type.SOA && node == apexNode) {
                    soa = rrset;
                }
                anyCut |= type == Type.DNAME || type == Type.NS && node != apexNode;
            }
            if (order != null) {
                System.arraycopy(set, 0, order.records, position, size);
            }
            position += size;
            node.rrsets(sets);
            if (node != apexNode && node.get(Type.NS) != null) {
                node.delegation();
            }
        }
        byte[] trimmed = data.finish();
        for (Node node : ownerNodes) {
            for (RRset rrset = node == null ? null : node.firstRRset(); rrset != null; rrset = rrset.next()) {
                rrset.moveTo(trimmed);
            }
        }
        int[] nodeStarts = table.tags();
        NodeTable nodes = table.build();
        if (order != null) {
            order.placeNodes(nodes, nodeStarts);
        }
        linkTree(nodes, originWire, anyCut, wildcards);
        if (soa == null) {
            return new ZoneIndex(originWire, apexNode, nodes, null, -1, position);
        }
        byte[] soaData = soa.rdata(0);
        int names = WireName.length(soaData, 0);
        names += WireName.length(soaData, names);
        long serial = u32(soaData, names);
        long minimum = u32(soaData, names + 16);
        RRset negative = soa.withTtl(Math.min(soa.ttl(), minimum));
        return new ZoneIndex(originWire, apexNode, nodes, negative, serial, position);
    }

    private static long u32(byte[] data, int off) {
        return ((data[off] & 0xffL) << 24) | ((data[off + 1] & 0xffL) << 16)
                | ((data[off + 2] & 0xffL) << 8) | (data[off + 3] & 0xffL);
    }

    /** Insertion sort by type, stable so each RRset keeps file order: a node holds a few records. */
    private static void sortByType(RecordStore records, int[] set, int size) {
        for (int i = 1; i < size; i++) {
            int r = set[i];
            int type = records.type(r);
            int j = i - 1;
            while (j >= 0 && records.type(set[j]) > type) {
                set[j + 1] = set[j];
                j--;
            }
            set[j + 1] = r;
        }
    }

    /** Adds every name between an owner and the apex that has no records of its own. */
    private static void addEmptyNonTerminals(NodeTable.Builder table, byte[] owner, byte[] originWire,
                                             List<Node> wildcards) {
        for (int off = owner[0] + 1; owner.length - off > originWire.length; off += owner[off] + 1) {
            int known = table.size();
            Node node = table.getOrAdd(Arrays.copyOfRange(owner, off, owner.length));
            if (table.size() > known && WireName.isWildcard(node.name())) {
                wildcards.add(node);
            }
        }
    }

    /**
     * Points each node at the cut or DNAME above it and each parent at its wildcard child. When the
     * zone has no cut and no DNAME (most lab zones), only the wildcards' parents are looked up,
     * and no node but them is touched again.
     *
     * @param wildcards every node named {@code *.<something>} but the apex
     */
    private static void linkTree(NodeTable nodes, byte[] originWire, boolean anyCut, List<Node> wildcards) {
        Map<Node.Links, Node.Links> interned = new HashMap<>();
        if (!anyCut) {
            for (Node wildcard : wildcards) {
                parent(nodes, wildcard).wildcard(wildcard, interned);
            }
            return;
        }
        // parents before children: a parent's name is shorter, so bucket by length (at most 255)
        int[] start = new int[WireName.MAX_LENGTH + 2];
        nodes.forEach(node -> start[node.name().length + 1]++);
        for (int length = 0; length <= WireName.MAX_LENGTH; length++) {
            start[length + 1] += start[length];
        }
        Node[] byLength = new Node[nodes.size()];
        nodes.forEach(node -> byLength[start[node.name().length]++] = node);
        for (Node node : byLength) {
            if (node.name().length == originWire.length) {
                continue;
            }
            Node parent = parent(nodes, node);
            if (parent.cut() != null) {
                node.cut(parent.cut(), interned);
            } else if (parent.isDelegation() || parent.get(Type.DNAME) != null) {
                node.cut(parent, interned);
            }
            if (WireName.isWildcard(node.name())) {
                parent.wildcard(node, interned);
            }
        }
    }

    private static Node parent(NodeTable nodes, Node node) {
        int parentOff = node.name()[0] + 1;
        return nodes.get(node.name(), parentOff, node.name().length - parentOff);
    }
}
