package dev.caadns.caa.template;

import dev.caadns.answer.ZoneSet;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Writes what the rules synthesize as the records of a zone file: appended to the zone, they must
 * make any server answer exactly as caadns answers with the rules (the Knot comparison test checks
 * that), and {@code check --show-policy} prints them.
 */
public final class Materializer {
    private Materializer() {
    }

    /** The synthesized records at each of these names that gets any, with the TTL served. */
    public static List<Record> materialize(TemplateSynthesis templates, ZoneSet zones, Collection<Name> names) {
        List<Record> records = new ArrayList<>();
        for (Name name : names) {
            Expansion expansion = templates.at(zones, name);
            if (expansion == null) {
                continue;
            }
            records.addAll(expansion.records(name, expansion.ttl(ZoneNames.zoneOf(zones, name))));
        }
        return records;
    }
}
