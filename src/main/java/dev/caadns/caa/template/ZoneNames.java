package dev.caadns.caa.template;

import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.WireName;
import dev.caadns.zone.ZoneIndex;
import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.Name;

/** The names worth showing or checking in a zone: its owners, its empty non-terminals, and the rules' names in it. */
final class ZoneNames {
    private ZoneNames() {
    }

    /** In DNSSEC canonical order, so a parent comes before its children. */
    static Set<Name> of(LoadedZone zone, ZoneIndex index, TemplateSynthesis templates) {
        Set<Name> names = new TreeSet<>();
        zone.index().forEachNode(node -> {
            if (!node.isEmptyNonTerminal()) {
                addWithAncestors(names, WireName.toName(node.owner()), zone.origin());
            }
        });
        for (Name sample : templates.sampleNames(index)) {
            addWithAncestors(names, sample, zone.origin());
        }
        return names;
    }

    private static void addWithAncestors(Set<Name> names, Name name, Name origin) {
        for (Name n = name; n.subdomain(origin) && names.add(n) && !n.equals(origin); n = new Name(n, 1)) {
            // every name between an owner and the apex exists (RFC 8020)
        }
    }

    /** The zone the name is answered from among those loaded, or null. */
    static ZoneIndex zoneOf(dev.caadns.answer.ZoneSet zones, Name name) {
        byte[] wire = WireName.lower(name);
        return zones.find(wire, 0, wire.length);
    }
}
