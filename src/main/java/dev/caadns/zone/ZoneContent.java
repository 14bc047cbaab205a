package dev.caadns.zone;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Whole zones compared and changed over their indexes' wire data: a runtime change to one RRset of
 * a million-name zone makes no dnsjava record of the others.
 */
public final class ZoneContent {
    private ZoneContent() {
    }

    /**
     * True when both indexes serve the same records: the same owners (written in the same letter
     * case), types, TTLs and RDATA. Each index holds no duplicate record, so "the same count, and
     * every record of one is in the other" is equality.
     */
    public static boolean same(ZoneIndex a, ZoneIndex b) {
        if (a.recordCount() != b.recordCount() || a.nameCount() != b.nameCount()) {
            return false;
        }
        // Two tables filled with the same names in the same order hold each name at the same place
        // (a reload of an unchanged file): compared place by place, a lookup only where they differ.
        NodeTable ours = a.table();
        NodeTable theirs = b.table();
        for (int i = 0; i < ours.size(); i++) {
            Node node = ours.at(i);
            Node other = theirs.at(i);
            if (!Arrays.equals(other.name(), node.name())) {
                other = b.find(node.name(), 0, node.name().length);
            }
            if (!holdsAll(other, node)) {
                return false;
            }
        }
        return true;
    }

    private static boolean holdsAll(Node theirs, Node ours) {
        if (theirs != null && !Arrays.equals(theirs.owner(), ours.owner())) {
            return false;
        }
        RRset next = theirs == null ? null : theirs.firstRRset();
        for (RRset set = ours.firstRRset(); set != null; set = set.next()) {
            // A node's sets are chained in type order, so theirs usually comes next in their chain:
            // looked up only when it does not (Node.get walks the chain from its start, a cache miss
            // a set)
            RRset other = next != null && next.type() == set.type() ? next : theirs == null ? null : theirs.get(set.type());
            if (other == null || other.ttl() != set.ttl() || other.size() != set.size()) {
                return false;
            }
            next = other.next();
            if (other.sameRdata(set)) {
                continue; // the usual case, byte for byte; only a set written in another order needs the walk
            }
            for (int i = 0; i < set.size(); i++) {
                if (!holds(other, set.rdata(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when the set holds a record with exactly this RDATA. */
    public static boolean holds(RRset set, byte[] rdata) {
        for (int i = 0; i < set.size(); i++) {
            if (Arrays.equals(set.rdata(i), rdata)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The index of {@code base} with the RRsets named in {@code replaced} left out and {@code added}
     * put in: how the runtime overlay changes a zone from a file. The records are checked already
     * (as {@link ZoneIndex#of(Name, List)} expects); fails when the result has no SOA at its apex.
     */
    public static ZoneIndex edited(ZoneIndex base, Map<Name, Set<Integer>> replaced, List<Record> added) {
        Set<RRset> dropped = Collections.newSetFromMap(new IdentityHashMap<>());
        replaced.forEach((owner, types) -> {
            byte[] wire = WireName.lower(owner);
            Node node = base.find(wire, 0, wire.length);
            for (int type : types) {
                RRset set = node == null ? null : node.get(type);
                if (set != null) {
                    dropped.add(set);
                }
            }
        });
        RecordStore store = new RecordStore(base.recordCount() + added.size());
        base.forEachNode(node -> {
            for (RRset set : node.rrsets()) {
                if (dropped.contains(set)) {
                    continue;
                }
                for (int i = 0; i < set.size(); i++) {
                    byte[] rdata = set.rdata(i);
                    store.add(set.owner(), 0, set.owner().length, set.type(), DClass.IN, set.ttl(), rdata, 0,
                            rdata.length, "", 0, "");
                }
            }
        });
        for (Record r : added) {
            store.add(r, "", 0, "");
        }
        Name origin = base.originName();
        ZoneIndex index = ZoneIndex.build(origin, store, null);
        if (!index.hasSoa()) {
            throw new IllegalArgumentException("zone " + origin + " has no SOA at its apex");
        }
        return index;
    }

    /**
     * The records of the name, of every name above it in the zone and of every name below it: all a
     * CNAME, DNAME or delegation rule about the name can involve. Only those become dnsjava records.
     */
    public static List<Record> around(ZoneIndex zone, Name name) {
        byte[] wire = WireName.lower(name);
        List<Record> records = new ArrayList<>();
        zone.forEachNode(node -> {
            if (!isAtOrBelow(node.name(), wire) && !isAtOrBelow(wire, node.name())) {
                return;
            }
            Name owner = WireName.toName(node.owner());
            for (RRset set : node.rrsets()) {
                for (int i = 0; i < set.size(); i++) {
                    records.add(Rdata.record(owner, set.type(), set.ttl(), set.rdata(i)));
                }
            }
        });
        return records;
    }

    /** True when lowercase wire name {@code name} is {@code top} or a name below it. */
    private static boolean isAtOrBelow(byte[] name, byte[] top) {
        for (int off = 0; name.length - off >= top.length; off += name[off] + 1) {
            if (name.length - off == top.length) {
                return Arrays.equals(name, off, name.length, top, 0, top.length);
            }
            if (name[off] == 0) {
                break;
            }
        }
        return false;
    }
}
