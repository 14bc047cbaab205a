package dev.caadns.update;

import dev.caadns.zone.Node;
import dev.caadns.zone.RRset;
import dev.caadns.zone.Serial;
import dev.caadns.zone.WireName;
import dev.caadns.zone.ZoneIndex;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * One zone as an update sees it: the served version with the RRsets the update has changed so far
 * laid over it. The update section's operations (RFC 2136 §3.4.2) are applied here, in order, and
 * only the result is published, so an update that fails half way changes nothing.
 */
final class ZoneDraft {
    private final ZoneIndex base;
    private final Name origin;
    private final Map<Name, Map<Integer, List<Record>>> changed = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();

    ZoneDraft(ZoneIndex base) {
        this.base = base;
        this.origin = base.originName();
    }

    Name origin() {
        return origin;
    }

    /** The records of (owner, type) now; a copy. */
    List<Record> rrset(Name owner, int type) {
        Map<Integer, List<Record>> typed = changed.get(owner);
        if (typed != null && typed.containsKey(type)) {
            return new ArrayList<>(typed.get(type));
        }
        return base.rrset(owner, type);
    }

    /** The types that have records at the owner now. */
    Set<Integer> types(Name owner) {
        Set<Integer> types = new LinkedHashSet<>();
        byte[] wire = WireName.lower(owner);
        Node node = base.find(wire, 0, wire.length);
        if (node != null) {
            for (RRset set : node.rrsets()) {
                types.add(set.type());
            }
        }
        Map<Integer, List<Record>> typed = changed.get(owner);
        if (typed != null) {
            typed.forEach((type, records) -> {
                if (records.isEmpty()) {
                    types.remove(type);
                } else {
                    types.add(type);
                }
            });
        }
        return types;
    }

    boolean inUse(Name owner) {
        return !types(owner).isEmpty();
    }

    /** RFC 2136 §3.4.2.2: add to an RRset, with the CNAME and SOA rules. */
    void add(Record record) {
        Name owner = record.getName();
        int type = record.getType();
        Set<Integer> present = types(owner);
        if (type == Type.SOA) {
            long serial = ((SOARecord) record).getSerial();
            List<Record> soa = rrset(origin, Type.SOA);
            if (!owner.equals(origin) || (!soa.isEmpty() && !Serial.isAfter(serial, ((SOARecord) soa.get(0)).getSerial()))) {
                log.add("ignored SOA " + serial + " at " + owner + " (not the apex, or not after the serial served)");
                return;
            }
            set(owner, type, List.of(record), "set SOA serial " + serial);
            return;
        }
        if (type == Type.CNAME ? present.stream().anyMatch(t -> t != Type.CNAME) : present.contains(Type.CNAME)) {
            log.add("ignored " + Type.string(type) + " at " + owner + ": a CNAME and other data cannot share a name");
            return;
        }
        List<Record> records = type == Type.CNAME ? new ArrayList<>() : rrset(owner, type);
        records.removeIf(record::equals);
        records.add(record);
        // One TTL per RRset (RFC 2181 §5.2): the added record's TTL becomes the set's.
        List<Record> withTtl = records.stream().map(r -> withClassAndTtl(r, DClass.IN, record.getTTL())).toList();
        set(owner, type, withTtl, "+" + describe(record));
    }

    /** Class ANY, a type: delete the RRset; the apex keeps its SOA and NS (§3.4.2.3). */
    void deleteRRset(Name owner, int type) {
        if (owner.equals(origin) && (type == Type.SOA || type == Type.NS)) {
            log.add("ignored deleting the apex " + Type.string(type) + " RRset");
            return;
        }
        if (!rrset(owner, type).isEmpty()) {
            set(owner, type, List.of(), "-" + owner + " " + Type.string(type));
        }
    }

    /** Class ANY, type ANY: delete every RRset at the name; the apex keeps its SOA and NS (§3.4.2.3). */
    void deleteName(Name owner) {
        for (int type : types(owner)) {
            if (!(owner.equals(origin) && (type == Type.SOA || type == Type.NS))) {
                set(owner, type, List.of(), "-" + owner + " " + Type.string(type));
            }
        }
    }

    /** Class NONE: delete one RR; never the SOA, nor the apex's last NS (§3.4.2.4). */
    void deleteRecord(Record record) {
        Name owner = record.getName();
        int type = record.getType();
        List<Record> records = rrset(owner, type);
        if (type == Type.SOA || (owner.equals(origin) && type == Type.NS && records.size() == 1
                && records.get(0).equals(record))) {
            log.add("ignored deleting " + describe(record) + " (the SOA, or the apex's last NS)");
            return;
        }
        if (records.removeIf(record::equals)) {
            set(owner, type, records, "-" + describe(record));
        }
    }

    /** The RRsets that differ from the served version now, each whole (empty = deleted). */
    Map<Name, Map<Integer, List<Record>>> changes() {
        Map<Name, Map<Integer, List<Record>>> differing = new LinkedHashMap<>();
        changed.forEach((owner, typed) -> typed.forEach((type, records) -> {
            if (!text(records).equals(text(base.rrset(owner, type)))) {
                differing.computeIfAbsent(owner, o -> new LinkedHashMap<>()).put(type, records);
            }
        }));
        return differing;
    }

    /** What each operation did or why it was ignored, in order. */
    List<String> log() {
        return log;
    }

    /** {@code owner TYPE rdata}, as the log and the journal show a change. */
    static String describe(Record r) {
        return r.getName() + " " + Type.string(r.getType()) + " " + r.rdataToString();
    }

    /** The record with another class and TTL, its owner and RDATA as they were (dnsjava keeps that method to itself). */
    static Record withClassAndTtl(Record r, int dnsClass, long ttl) {
        byte[] wire = r.toWire(Section.ANSWER);
        int at = r.getName().length() + 2;
        wire[at] = (byte) (dnsClass >> 8);
        wire[at + 1] = (byte) dnsClass;
        for (int i = 0; i < 4; i++) {
            wire[at + 2 + i] = (byte) (ttl >> (24 - 8 * i));
        }
        try {
            return Record.fromWire(wire, Section.ANSWER);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("a record dnsjava wrote does not read back", e);
        }
    }

    private static Set<String> text(List<Record> records) {
        Set<String> lines = new java.util.HashSet<>();
        records.forEach(r -> lines.add(r.getTTL() + " " + r.rdataToString()));
        return lines;
    }

    private void set(Name owner, int type, List<Record> records, String what) {
        changed.computeIfAbsent(owner, o -> new LinkedHashMap<>()).put(type, List.copyOf(records));
        log.add(what);
    }
}
