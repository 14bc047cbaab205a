package dev.caadns.zone;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.xbill.DNS.Name;

/**
 * Records grouped by owner name (a "node" in NSD's and Knot's words): nodes in the order their
 * first record appears, records of a node in file order. Keyed by lowercase wire name, not by
 * {@link Name}, whose hash collides for names like h10 and h09 and turns a million-name map into
 * tree bins.
 */
final class Nodes {

    /** One owner's items, with its lowercase wire name. */
    record Group<T>(byte[] name, List<T> items) {
    }

    private Nodes() {
    }

    static List<List<SourcedRecord>> of(List<SourcedRecord> records) {
        return group(records, r -> r.record().getName()).stream().map(Group::items).toList();
    }

    /** Items grouped by {@code owner}; consecutive items with the same owner object skip the lookup. */
    static <T> List<Group<T>> group(List<T> items, Function<T, Name> owner) {
        NameTable.Builder<Group<T>> byName = new NameTable.Builder<>();
        List<Group<T>> groups = new ArrayList<>();
        Name previous = null;
        Group<T> group = null;
        for (T item : items) {
            Name name = owner.apply(item);
            if (name != previous) {
                byte[] key = WireName.lower(name);
                group = byName.get(key);
                if (group == null) {
                    group = new Group<>(key, new ArrayList<>(2));
                    byName.put(key, group);
                    groups.add(group);
                }
                previous = name;
            }
            group.items().add(item);
        }
        return groups;
    }

    static List<SourcedRecord> ofType(List<SourcedRecord> node, int type) {
        List<SourcedRecord> found = List.of();
        for (SourcedRecord r : node) {
            if (r.record().getType() == type) {
                if (found.isEmpty()) {
                    found = new ArrayList<>();
                }
                found.add(r);
            }
        }
        return found;
    }
}
