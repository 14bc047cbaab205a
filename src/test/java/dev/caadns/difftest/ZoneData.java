package dev.caadns.difftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** The records of the served zone files as dnsjava reads them, and the names derived from them. */
final class ZoneData {
    private final Set<Name> origins;
    private final List<Record> records;

    private ZoneData(Set<Name> origins, List<Record> records) {
        this.origins = origins;
        this.records = records;
    }

    static ZoneData load(Map<Name, Path> zones) {
        List<Record> records = new ArrayList<>();
        zones.forEach((origin, file) -> {
            try (Master master = new Master(file.toString(), origin)) {
                for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                    records.add(r);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse " + file, e);
            }
        });
        return new ZoneData(new TreeSet<>(zones.keySet()), List.copyOf(records));
    }

    Set<Name> origins() {
        return origins;
    }

    List<Record> records() {
        return records;
    }

    Set<Name> owners() {
        Set<Name> owners = new TreeSet<>();
        records.forEach(r -> owners.add(r.getName()));
        return owners;
    }

    Set<Name> ownersOf(int type) {
        Set<Name> owners = new TreeSet<>();
        records.stream().filter(r -> r.getType() == type).forEach(r -> owners.add(r.getName()));
        return owners;
    }

    /** Names with no records of their own that lie between an owner and its zone's origin. */
    Set<Name> emptyNonTerminals() {
        Set<Name> owners = owners();
        Set<Name> ents = new TreeSet<>();
        for (Name owner : owners) {
            Name origin = originOf(owner);
            for (Name up = parent(owner); up.subdomain(origin) && !up.equals(origin); up = parent(up)) {
                if (!owners.contains(up)) {
                    ents.add(up);
                }
            }
        }
        return ents;
    }

    /** The parents of the {@code *} owners. */
    Set<Name> wildcardParents() {
        Set<Name> parents = new TreeSet<>();
        owners().stream().filter(Name::isWild).forEach(w -> parents.add(parent(w)));
        return parents;
    }

    /** Owners of NS records other than zone apexes: the zone cuts. */
    Set<Name> delegations() {
        Set<Name> cuts = new TreeSet<>();
        records.stream().filter(r -> r.getType() == Type.NS && !origins.contains(r.getName()))
                .forEach(r -> cuts.add(r.getName()));
        return cuts;
    }

    Name originOf(Name name) {
        return zoneOf(name).orElseThrow(() -> new IllegalArgumentException(name + " is in no served zone"));
    }

    /** The served zone a name belongs to by longest match, if any. */
    Optional<Name> zoneOf(Name name) {
        return origins.stream().filter(name::subdomain).max((a, b) -> Integer.compare(a.labels(), b.labels()));
    }

    static Name parent(Name name) {
        return new Name(name, 1);
    }
}
