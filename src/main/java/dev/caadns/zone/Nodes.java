package dev.caadns.zone;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;

/** Records grouped by owner name (a "node" in NSD's and Knot's words), in file order. */
final class Nodes {

    private Nodes() {
    }

    static Map<Name, List<SourcedRecord>> of(List<SourcedRecord> records) {
        Map<Name, List<SourcedRecord>> nodes = new LinkedHashMap<>();
        for (SourcedRecord r : records) {
            nodes.computeIfAbsent(r.record().getName(), n -> new ArrayList<>()).add(r);
        }
        return nodes;
    }

    static List<SourcedRecord> ofType(List<SourcedRecord> node, int type) {
        return node.stream().filter(r -> r.record().getType() == type).toList();
    }
}
