package dev.caadns.difftest;

import dev.caadns.testsupport.Queries;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * A deterministic (seeded) set of queries drawn from the zone data: every owner, empty non-terminal,
 * names under wildcards and delegations and names that don't exist, each asked for every common type
 * once over UDP and once over TCP, in random letter case and with a random EDNS setting.
 */
final class QueryGenerator {
    static final int[] TYPES = {
        Type.A, Type.AAAA, Type.NS, Type.SOA, Type.MX, Type.TXT, Type.CNAME, Type.DNAME,
        Type.DS, Type.SRV, Type.CAA, Type.PTR, Type.ANY,
    };
    /** No EDNS, the common defaults, a size below the minimum (servers treat it as 512), and DO. */
    private static final int[] EDNS_SIZES = {Queries.NO_EDNS, Queries.NO_EDNS, 512, 1232, 4096};

    private final ZoneData zones;
    private final Random random;

    QueryGenerator(ZoneData zones, long seed) {
        this.zones = zones;
        this.random = new Random(seed);
    }

    List<GeneratedQuery> generate() {
        List<GeneratedQuery> queries = new ArrayList<>();
        for (Name name : names()) {
            for (int type : TYPES) {
                for (GeneratedQuery.Transport transport : GeneratedQuery.Transport.values()) {
                    int edns = EDNS_SIZES[random.nextInt(EDNS_SIZES.length)];
                    boolean dnssecOk = edns != Queries.NO_EDNS && random.nextInt(4) == 0;
                    int id = queries.size() & 0xffff;
                    queries.add(new GeneratedQuery(id, Queries.randomCase(name, random), type, edns, dnssecOk,
                            transport));
                }
            }
        }
        return queries;
    }

    /** Every name worth asking about, in a stable order. */
    Set<Name> names() {
        Set<Name> names = new LinkedHashSet<>(zones.owners());
        names.addAll(zones.emptyNonTerminals());
        // below every owner: NXDOMAIN, or a referral, DNAME, wildcard or CNAME-owner edge case
        zones.owners().forEach(owner -> names.add(child("nx", owner)));
        for (Name parent : zones.wildcardParents()) {
            names.add(child("matched", parent));
            names.add(child("two", child("deep", parent)));
        }
        for (Name cut : zones.delegations()) {
            names.add(child("www", cut));
            names.add(child("a", child("b", cut)));
        }
        for (Name origin : zones.origins()) {
            names.add(child("nonexistent", origin));
            names.add(child("nx", child("host", child("ent", child("deep", origin)))));
        }
        for (Name dnameOwner : zones.ownersOf(Type.DNAME)) {
            names.add(child("under", dnameOwner));
            names.add(child("deep", child("under", dnameOwner)));
        }
        // names in no served zone: the common parent and an unrelated one (REFUSED)
        names.add(Queries.name("test."));
        names.add(Queries.name("outside.example."));
        return names;
    }

    private static Name child(String label, Name parent) {
        return Queries.name(label + "." + parent);
    }
}
