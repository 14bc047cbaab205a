package dev.caadns.caa.template;

import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.Node;
import dev.caadns.zone.WireName;
import dev.caadns.zone.ZoneIndex;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashSet;
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
        for (byte[] sample : templates.sampleNames(index)) {
            addWithAncestors(names, WireName.toName(sample), zone.origin());
        }
        return names;
    }

    /** Told each name of {@link #forEach}. */
    interface Visitor {
        /**
         * @param lowercase the name in wire form, lowercase
         * @param asWritten the name with the zone file's (or the rule's) letter case
         * @param node the zone's node of that name, or null where the zone holds none
         */
        void visit(byte[] lowercase, byte[] asWritten, Node node);
    }

    /**
     * The names {@link #of} gives, in no order: no {@link Name} per node and no sorting, as a start
     * walks a zone of a million names this way. Every node of the index (owners and the names
     * between them and the apex), then the rules' names the zone does not hold and their ancestors.
     */
    static void forEach(ZoneIndex index, TemplateSynthesis templates, Visitor visitor) {
        index.forEachNode(node -> visitor.visit(node.name(), node.owner(), node));
        Set<ByteBuffer> outside = new HashSet<>();
        for (byte[] written : templates.sampleNames(index)) {
            byte[] lowercase = WireName.lower(written, 0, written.length);
            if (!WireName.isAtOrBelow(lowercase, index.origin())) {
                continue;
            }
            // up to the first ancestor the zone holds: the index has every name from there to the apex
            for (int p = 0; index.find(lowercase, p, lowercase.length - p) == null; p += (lowercase[p] & 0xff) + 1) {
                byte[] name = Arrays.copyOfRange(lowercase, p, lowercase.length);
                if (!outside.add(ByteBuffer.wrap(name))) {
                    break; // met before, with its ancestors
                }
                visitor.visit(name, Arrays.copyOfRange(written, p, written.length), null);
            }
        }
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
