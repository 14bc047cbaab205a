package dev.caadns.difftest;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Every difference the differential test keeps, in one place, each with its reason. A rule applies
 * to some queries and turns the pair of replies into what both servers must agree on; how often each
 * rule fired is counted so the report shows which ones matter. Each was seen between NSD and Knot:
 * these are the places where the RFCs leave a choice, and caadns may match either server.
 */
final class KnownDifferences {
    record Difference(String name, String reason, BiPredicate<GeneratedQuery, ReplyPair> appliesTo,
            UnaryOperator<ReplyPair> relax) {
    }

    private final ZoneData zones;
    private final List<Difference> all;
    private final Map<String, Integer> hits = new TreeMap<>();

    KnownDifferences(ZoneData zones) {
        this.zones = zones;
        this.all = List.of(
                new Difference("apex NS in authority",
                        "NSD adds the zone's NS RRset to the authority section of positive answers (and the"
                                + " name servers' addresses to additional); Knot leaves authority empty. Both"
                                + " are allowed (RFC 1034 4.3.2 step 3a: 'may' be included); compared without it.",
                        (q, p) -> hasApexNs(p.underTest()) || hasApexNs(p.referee()),
                        this::withoutApexNs),
                new Difference("CNAME chased into another zone",
                        "When a CNAME (or a DNAME's synthesized CNAME) leads out of the zone of the question,"
                                + " NSD goes on in the target zone if it serves it (answer, rcode, SOA of that"
                                + " zone); Knot stops after the CNAME with NOERROR. RFC 1034 4.3.2 and RFC 6604"
                                + " allow both; compared: the part of the answer inside the question's zone.",
                        this::leavesQuestionZone, p -> insideQuestionZone(p)),
                new Difference("ANY returns one RRset",
                        "RFC 8482 lets a server answer ANY with any one RRset (Knot) or all of them (NSD);"
                                + " compared: RRsets of a type both returned must be equal, and the additional"
                                + " section that depends on the chosen RRsets is ignored.",
                        (q, p) -> q.qtype() == Type.ANY && p.underTest().rcode() == Rcode.NOERROR
                                && p.referee().rcode() == Rcode.NOERROR,
                        KnownDifferences::sharedAnyRrsets),
                new Difference("SOA query's negative SOA with TTL 0",
                        "BIND answers a negative SOA query (NXDOMAIN, or NODATA below the apex) with the SOA"
                                + " in authority at TTL 0, so that no resolver caches the SOA out of it; Knot, NSD"
                                + " and caadns give the RFC 2308 TTL. Compared without that SOA's TTL.",
                        (q, p) -> q.qtype() == Type.SOA && zeroTtlSoa(p.referee()) && !zeroTtlSoa(p.underTest()),
                        p -> new ReplyPair(p.underTest(), p.referee().withSection(Section.AUTHORITY,
                                authority -> ttlOfSoaFrom(authority, p.underTest())), p.violations())));
    }

    private static boolean zeroTtlSoa(ReplyView reply) {
        return reply.section(Section.ANSWER).isEmpty() && reply.section(Section.AUTHORITY).stream()
                .anyMatch(rr -> rr.type() == Type.SOA && rr.record().getTTL() == 0);
    }

    /** The authority with each TTL-0 SOA given the TTL of the same SOA in the other reply. */
    private static Set<Rr> ttlOfSoaFrom(Set<Rr> authority, ReplyView other) {
        Set<Rr> out = new java.util.TreeSet<>();
        for (Rr rr : authority) {
            Rr theirs = rr.type() != Type.SOA ? null : other.section(Section.AUTHORITY).stream()
                    .filter(o -> o.type() == Type.SOA && o.owner().equals(rr.owner())).findFirst().orElse(null);
            out.add(theirs == null ? rr : new Rr(Record.newRecord(rr.owner(), Type.SOA, rr.record().getDClass(), theirs.record().getTTL(),
                    rr.record().rdataToWireCanonical())));
        }
        return out;
    }

    List<Difference> all() {
        return all;
    }

    ReplyPair relax(GeneratedQuery query, ReplyPair pair) {
        ReplyPair relaxed = pair;
        for (Difference difference : all) {
            if (difference.appliesTo().test(query, relaxed)) {
                relaxed = difference.relax().apply(relaxed);
                hits.merge(difference.name(), 1, Integer::sum);
            }
        }
        return relaxed;
    }

    Map<String, Integer> hits() {
        return hits;
    }

    // --- apex NS in authority

    private boolean hasApexNs(ReplyView reply) {
        return reply.aa() && !reply.section(Section.ANSWER).isEmpty()
                && !apexNs(reply).isEmpty();
    }

    private Set<Rr> apexNs(ReplyView reply) {
        return reply.section(Section.AUTHORITY).stream()
                .filter(rr -> rr.type() == Type.NS && zones.origins().contains(rr.owner()))
                .collect(Collectors.toSet());
    }

    private ReplyPair withoutApexNs(ReplyPair pair) {
        return new ReplyPair(withoutApexNs(pair.underTest(), pair.referee()),
                withoutApexNs(pair.referee(), pair.underTest()), pair.violations());
    }

    /** Drops apex NS from authority, and the addresses only that NS RRset brought into additional. */
    private ReplyView withoutApexNs(ReplyView reply, ReplyView other) {
        Set<Rr> ns = apexNs(reply);
        Set<Name> targets = ns.stream().map(rr -> ((NSRecord) rr.record()).getTarget()).collect(Collectors.toSet());
        return reply.withSection(Section.AUTHORITY, authority -> remove(authority, ns))
                .withSection(Section.ADDITIONAL, additional -> remove(additional, additional.stream()
                        .filter(rr -> targets.contains(rr.owner()))
                        .filter(rr -> !other.section(Section.ADDITIONAL).contains(rr))
                        .collect(Collectors.toSet())));
    }

    // --- CNAME chased into another zone

    private boolean leavesQuestionZone(GeneratedQuery query, ReplyPair pair) {
        Optional<Name> zone = zones.zoneOf(query.qname());
        return zone.isPresent() && (leaves(pair.underTest(), zone.get()) || leaves(pair.referee(), zone.get()));
    }

    private boolean leaves(ReplyView reply, Name zone) {
        return reply.section(Section.ANSWER).stream().filter(rr -> rr.type() == Type.CNAME)
                .map(rr -> ((CNAMERecord) rr.record()).getTarget())
                .anyMatch(target -> !zone.equals(zones.zoneOf(target).orElse(null)));
    }

    private ReplyPair insideQuestionZone(ReplyPair pair) {
        return new ReplyPair(insideZoneOfFirstOwner(pair.underTest()), insideZoneOfFirstOwner(pair.referee()),
                pair.violations());
    }

    private ReplyView insideZoneOfFirstOwner(ReplyView reply) {
        Optional<Name> zone = reply.section(Section.ANSWER).stream().filter(rr -> rr.type() == Type.CNAME)
                .findFirst().flatMap(rr -> zones.zoneOf(rr.owner()));
        int rcode = reply.rcode() == Rcode.NXDOMAIN ? Rcode.NOERROR : reply.rcode();
        return reply.withRcodeAndAa(rcode, reply.aa())
                .withSection(Section.ANSWER, answer -> answer.stream()
                        .filter(rr -> zone.isPresent() && zone.equals(zones.zoneOf(rr.owner())))
                        .collect(Collectors.toCollection(TreeSet::new)))
                .withSection(Section.AUTHORITY, authority -> Set.of())
                .withSection(Section.ADDITIONAL, additional -> Set.of());
    }

    // --- ANY

    private static ReplyPair sharedAnyRrsets(ReplyPair pair) {
        Set<Integer> shared = types(pair.underTest());
        shared.retainAll(types(pair.referee()));
        List<String> violations = new java.util.ArrayList<>(pair.violations());
        if (pair.underTest().section(Section.ANSWER).isEmpty() != pair.referee().section(Section.ANSWER).isEmpty()) {
            violations.add("ANY: one server answered with data, the other with none");
        }
        return new ReplyPair(onlyTypes(pair.underTest(), shared), onlyTypes(pair.referee(), shared), violations);
    }

    private static Set<Integer> types(ReplyView reply) {
        return reply.section(Section.ANSWER).stream().map(Rr::type).collect(Collectors.toCollection(TreeSet::new));
    }

    private static ReplyView onlyTypes(ReplyView reply, Set<Integer> types) {
        return reply.withSection(Section.ANSWER, answer -> answer.stream().filter(rr -> types.contains(rr.type()))
                        .collect(Collectors.toCollection(TreeSet::new)))
                .withSection(Section.ADDITIONAL, additional -> Set.of());
    }

    private static Set<Rr> remove(Set<Rr> from, Set<Rr> removed) {
        Set<Rr> rest = new TreeSet<>(from);
        rest.removeAll(removed);
        return rest;
    }
}
