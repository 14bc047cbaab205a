package dev.caadns.lab;

import dev.caadns.wire.Query;
import dev.caadns.zone.NameTable;
import dev.caadns.zone.WireName;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules in force, indexed by name: a query costs one lookup for its exact name and one per
 * label for the subtrees above it, however many rules there are. Immutable; replaced whole.
 */
final class FaultIndex {
    static final FaultIndex EMPTY = new FaultIndex(List.of());

    private final NameTable<ArmedFault[]> exact;
    private final NameTable<ArmedFault[]> subtree;
    private final boolean empty;

    FaultIndex(List<ArmedFault> faults) {
        this.exact = table(faults, false);
        this.subtree = table(faults, true);
        this.empty = faults.isEmpty();
    }

    private static NameTable<ArmedFault[]> table(List<ArmedFault> faults, boolean subtree) {
        Map<String, List<ArmedFault>> byName = new LinkedHashMap<>();
        Map<String, byte[]> wire = new LinkedHashMap<>();
        for (ArmedFault f : faults) {
            if (f.rule().subtree() == subtree) {
                String key = f.rule().name().toString().toLowerCase(java.util.Locale.ROOT);
                byName.computeIfAbsent(key, k -> new ArrayList<>()).add(f);
                wire.putIfAbsent(key, WireName.lower(f.rule().name()));
            }
        }
        NameTable.Builder<ArmedFault[]> builder = new NameTable.Builder<>();
        byName.forEach((key, list) -> builder.put(wire.get(key), list.toArray(new ArmedFault[0])));
        return builder.build();
    }

    boolean isEmpty() {
        return empty;
    }

    /** The first rule that hits the query: exact name first, then the nearest subtree up to the root. */
    ArmedFault match(Query q) {
        byte[] name = q.name();
        int length = q.nameLength();
        ArmedFault hit = firstHit(exact.get(name, 0, length), q);
        for (int p = 0; hit == null && p < length; p += (name[p] & 0xff) + 1) {
            hit = firstHit(subtree.get(name, p, length - p), q);
        }
        return hit;
    }

    private static ArmedFault firstHit(ArmedFault[] candidates, Query q) {
        if (candidates != null) {
            for (ArmedFault f : candidates) {
                if (f.hits(q)) {
                    return f;
                }
            }
        }
        return null;
    }
}
