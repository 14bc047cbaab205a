package dev.caadns.caa.template;

import com.typesafe.config.Config;
import dev.caadns.answer.ZoneSet;
import dev.caadns.answer.ZoneSynthesis;
import dev.caadns.caa.CaaZoneValidator;
import dev.caadns.caa.PolicySources;
import dev.caadns.config.ConfigError;
import dev.caadns.server.LoadHeap;
import dev.caadns.wire.Response;
import dev.caadns.zone.Finding;
import dev.caadns.zone.NameTable;
import dev.caadns.zone.Node;
import dev.caadns.zone.RRset;
import dev.caadns.zone.SourcedRecord;
import dev.caadns.zone.WireName;
import dev.caadns.zone.ZoneIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The CAA templates ({@code caa.templates}) as the answer path sees them. Rules are indexed by the
 * literal labels their pattern ends with, so a query tries only the rules whose suffix it lies
 * under (one hash lookup per label between the name and its zone's apex), most specific first.
 *
 * <p>Precedence: a CAA RRset in the zone file at the name always wins; then the most specific rule
 * (more literal labels, then fewer {@code **}; equals: the first in the list, and check reports the
 * tie). Nothing is synthesized at or below a delegation or DNAME, nor at a name owning a CNAME.
 */
public final class TemplateSynthesis implements ZoneSynthesis {
    private static final Comparator<CompiledRule> PRECEDENCE = Comparator
            .<CompiledRule, NamePattern>comparing(r -> r.rule().pattern(), NamePattern::compareSpecificity)
            .thenComparingInt(r -> r.rule().number());

    /** Heap a table's byte takes once expanded, in bytes of zone text that take as much (see fromConfig). */
    private static final long ZONE_TEXT_PER_TABLE_BYTE = 4;

    private final List<CompiledRule> rules;
    private final NameTable<CompiledRule[]> bySuffix;
    /** Wire lengths of the indexed suffixes, one bit each: most suffixes of a name are skipped unhashed. */
    private final long[] suffixLengths = new long[4];
    /** Names above the literal suffix of an {@code applies-to = any} rule: they have synthesized descendants. */
    private final NameTable<Boolean> aboveAnySuffix;
    private final Map<CompiledRule, List<Finding>> findings;
    /** Each rule's RRsets in table order, each with the name it is checked and shown at. */
    private final Map<CompiledRule, List<Expansion>> expansions;

    private TemplateSynthesis(List<CompiledRule> rules, Map<CompiledRule, List<Expansion>> expansions,
                              Map<CompiledRule, List<Finding>> findings) {
        this.rules = List.copyOf(rules);
        this.expansions = expansions;
        this.findings = findings;
        Map<java.nio.ByteBuffer, List<CompiledRule>> grouped = new LinkedHashMap<>();
        NameTable.Builder<Boolean> above = new NameTable.Builder<>();
        for (CompiledRule rule : rules) {
            byte[] suffix = rule.rule().pattern().literalSuffix();
            suffixLengths[suffix.length >>> 6] |= 1L << suffix.length;
            grouped.computeIfAbsent(java.nio.ByteBuffer.wrap(suffix), s -> new ArrayList<>()).add(rule);
            if (makesNames(rule)) {
                // the suffix itself is above every match unless the pattern is nothing but the suffix
                int first = rule.rule().pattern().isLiteral() ? suffix[0] + 1 : 0;
                for (int p = first; suffix[p] != 0; p += suffix[p] + 1) {
                    above.put(Arrays.copyOfRange(suffix, p, suffix.length), Boolean.TRUE);
                }
            }
        }
        NameTable.Builder<CompiledRule[]> index = new NameTable.Builder<>();
        grouped.forEach((suffix, list) -> index.put(suffix.array(),
                list.stream().sorted(PRECEDENCE).toArray(CompiledRule[]::new)));
        this.bySuffix = index.build();
        this.aboveAnySuffix = above.build();
    }

    /** No rules: the zones are served as written. */
    public static TemplateSynthesis none() {
        return new TemplateSynthesis(List.of(), Map.of(), Map.of());
    }

    /**
     * Reads {@code caa.templates}, expands every rule for every table row (a rule without table for
     * a representative name) and checks each RRset with the CAA validator's record and RRset checks.
     *
     * @throws ConfigError for a rule that cannot be read, naming its file and line
     */
    public static TemplateSynthesis fromConfig(Config config, CaaZoneValidator validator) throws ConfigError {
        // a table's row (~12 bytes of CSV) becomes a synthesized RRset, as much heap as ~50 bytes of zone text
        try (LoadHeap heap = LoadHeap.around(TemplateRuleReader.tableBytes(config) * ZONE_TEXT_PER_TABLE_BYTE,
                false)) {
            return of(TemplateRuleReader.read(config), validator);
        }
    }

    static TemplateSynthesis of(List<TemplateRule> rules, CaaZoneValidator validator) throws ConfigError {
        List<CompiledRule> compiled = new ArrayList<>();
        Map<CompiledRule, List<Expansion>> expansions = new LinkedHashMap<>();
        Map<CompiledRule, List<Finding>> findings = new LinkedHashMap<>();
        for (TemplateRule rule : rules) {
            List<Expansion> expanded;
            try {
                expanded = CompiledRule.expand(rule);
            } catch (IllegalArgumentException e) {
                throw new ConfigError(rule.where() + ": caa.templates: rule " + rule.number() + ": " + e.getMessage());
            }
            CompiledRule c = CompiledRule.compile(rule, expanded);
            compiled.add(c);
            expansions.put(c, expanded);
            findings.put(c, check(rule, expanded, validator));
        }
        return new TemplateSynthesis(compiled, expansions, findings);
    }

    /**
     * Checks each expansion at its name. Rows with equal text share their parsed records, so an
     * RRset found clean at one name is not checked again at another that sees the same checks.
     */
    private static List<Finding> check(TemplateRule rule, List<Expansion> expanded, CaaZoneValidator validator) {
        List<Finding> out = new ArrayList<>();
        Set<ParsedRecords.Parsed> clean = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Expansion expansion : expanded) {
            ParsedRecords.Parsed parsed = expansion.parsed();
            byte[] wire = expansion.owner();
            boolean alike = CaaZoneValidator.checkedByRdataAlone(WireName.isWildcard(wire), wire.length,
                    parsed.rdata().length, parsed.rdataBytes());
            if (alike && clean.contains(parsed)) {
                continue;
            }
            Name owner = WireName.toName(wire);
            List<SourcedRecord> records = new ArrayList<>();
            for (byte[] rdata : parsed.rdata()) {
                records.add(new SourcedRecord(Record.newRecord(owner, Type.CAA, DClass.IN, 0, rdata), rule.file(),
                        rule.line(), ""));
            }
            String from = "rule " + rule.number() + (expansion.row() == null
                    ? rule.pattern().captures().isEmpty() ? "" : " (checked at " + owner + ")"
                    : ", table row " + expansion.row().number() + " (" + rule.table().file() + ":"
                    + expansion.row().line() + ")") + ": ";
            List<Finding> found = validator.check(owner, records);
            if (alike && found.isEmpty()) {
                clean.add(parsed);
            }
            for (Finding f : found) {
                out.add(new Finding(f.severity(), f.code(), f.file(), f.line(), f.owner(), from + f.message(),
                        f.hint(), f.waived()));
            }
        }
        return out;
    }

    @Override
    public RRset rrset(ZoneIndex zone, Node node, byte[] name, int off, int len, int type, Response response) {
        if (type != Type.CAA && type != Type.ANY) {
            return null;
        }
        Expansion expansion = expansionAt(zone, node, name, off, len);
        if (expansion == null) {
            return null;
        }
        response.note(expansion.source());
        return expansion.rrset(zone);
    }

    @Override
    public boolean exists(ZoneIndex zone, byte[] name, int off, int len) {
        if (aboveAnySuffix.get(name, off, len) != null) {
            return true;
        }
        int end = off + len;
        for (int p = off; end - p >= zone.origin().length; p += (name[p] & 0xff) + 1) {
            CompiledRule[] candidates = candidates(name, p, end - p);
            if (candidates == null) {
                continue;
            }
            for (CompiledRule rule : candidates) {
                if (rule.rule().appliesTo() == AppliesTo.ANY
                        && (rule.at(name, off) != null || rule.synthesizesBelow(name, off))) {
                    return true;
                }
            }
        }
        return false;
    }

    @Override
    public boolean synthesizesNames(ZoneIndex zone) {
        for (CompiledRule rule : rules) {
            if (makesNames(rule) && appliesIn(zone, rule)) {
                return true;
            }
        }
        return false;
    }

    /** An {@code applies-to = any} rule that matches some name (a table rule needs a row). */
    private static boolean makesNames(CompiledRule rule) {
        return rule.rule().appliesTo() == AppliesTo.ANY
                && (rule.rule().table() == null || !rule.rule().table().rows().isEmpty());
    }

    private CompiledRule[] candidates(byte[] name, int off, int len) {
        return (suffixLengths[len >>> 6] & 1L << len) == 0 ? null : bySuffix.get(name, off, len);
    }

    /** The rule's RRset for a name, by precedence; null where the zone's data decides. */
    private Expansion expansionAt(ZoneIndex zone, Node node, byte[] name, int off, int len) {
        if (node != null && (node.get(Type.CAA) != null || node.get(Type.CNAME) != null
                || node.isDelegation() || node.cut() != null)) {
            return null;
        }
        CompiledRule best = null;
        Expansion chosen = null;
        int end = off + len;
        for (int p = off; end - p >= zone.origin().length; p += (name[p] & 0xff) + 1) {
            CompiledRule[] candidates = candidates(name, p, end - p);
            if (candidates == null) {
                continue;
            }
            for (CompiledRule rule : candidates) {
                if (best != null && PRECEDENCE.compare(rule, best) > 0) {
                    break; // sorted by precedence: the rest of this suffix's rules lose too
                }
                if (node == null && rule.rule().appliesTo() == AppliesTo.EXISTING) {
                    continue;
                }
                Expansion expansion = rule.at(name, off);
                if (expansion != null) {
                    best = rule;
                    chosen = expansion;
                    break;
                }
            }
        }
        return chosen;
    }

    /**
     * The RRset a rule synthesizes at a name as served, or null when none does (the name has its
     * own CAA, owns a CNAME, lies at or below a cut, or no rule matches it). For explain, check and
     * materialize; the query path asks {@link #caa} with what it already found.
     */
    public Expansion at(ZoneSet zones, Name name) {
        byte[] wire = WireName.lower(name);
        ZoneIndex zone = zones.find(wire, 0, wire.length);
        if (zone == null) {
            return null;
        }
        Node node = zone.find(wire, 0, wire.length);
        if (node == null && (belowCut(zone, null, wire) || !exists(zone, wire, 0, wire.length))) {
            return null;
        }
        return expansionAt(zone, node, wire, 0, wire.length);
    }

    /** Names the rule behind each synthesized RRset in the zones as served now. */
    public PolicySources sources(java.util.function.Supplier<ZoneSet> zones) {
        return owner -> {
            Expansion expansion = at(zones.get(), owner);
            return expansion == null ? null : expansion.source();
        };
    }

    /** A rule applies in the zone holding its literal suffix, not in a parent that delegates it. */
    boolean appliesIn(ZoneIndex zone, CompiledRule rule) {
        byte[] suffix = rule.rule().pattern().literalSuffix();
        return WireName.isAtOrBelow(suffix, zone.origin())
                && !belowCut(zone, zone.find(suffix, 0, suffix.length), suffix);
    }

    /** True at or below a delegation or DNAME, where the zone's data is not its own to synthesize in. */
    static boolean belowCut(ZoneIndex zone, Node node, byte[] wire) {
        if (node != null) {
            return node.cut() != null || node.isDelegation();
        }
        for (int p = 0; ; p += (wire[p] & 0xff) + 1) {
            Node encloser = zone.find(wire, p, wire.length - p);
            if (encloser != null) {
                return encloser.cut() != null || encloser.isDelegation() || encloser.get(Type.DNAME) != null;
            }
        }
    }

    /**
     * The rules' RRsets in the zone as records, for zone transfers: at every name the zone holds and
     * every name of a table rule's table. An {@code applies-to = any} rule without a table makes up
     * names without end; only those the zone holds are written (check warns: {@code T-XFR}).
     */
    @Override
    public List<Record> records(ZoneSet zones, ZoneIndex zone) {
        if (rules.stream().noneMatch(r -> appliesIn(zone, r))) {
            return List.of();
        }
        Set<Name> names = new java.util.LinkedHashSet<>();
        zone.forEachNode(node -> names.add(WireName.toName(node.owner())));
        expansions.forEach((rule, expanded) -> {
            if (rule.rule().table() != null && appliesIn(zone, rule)) {
                expanded.forEach(e -> names.add(WireName.toName(e.owner())));
            }
        });
        return Materializer.materialize(this, zones, names);
    }

    /** True when no rule is configured: the zones are served as written. */
    public boolean isEmpty() {
        return rules.isEmpty();
    }

    /** Every rule, in config order. */
    List<CompiledRule> rules() {
        return rules;
    }

    /** What checking the rule's RRsets found; placed at the rule in the config. */
    List<Finding> findings(CompiledRule rule) {
        return findings.get(rule);
    }

    /**
     * The names to show and check the zone's rules at, in wire form as written: their tables' names,
     * or a representative one.
     */
    List<byte[]> sampleNames(ZoneIndex zone) {
        List<byte[]> names = new ArrayList<>();
        expansions.forEach((rule, expanded) -> {
            if (appliesIn(zone, rule)) {
                expanded.forEach(e -> names.add(e.owner()));
            }
        });
        return names;
    }

    /**
     * The two best RRsets at a name by precedence, among the rules given: into {@code top[0]} and
     * {@code top[1]} (null where fewer match). Without a list or a sort, as the load asks it at
     * every name of a zone.
     *
     * @return false when none matches
     */
    boolean bestTwo(byte[] wire, boolean nameExists, Set<TemplateRule> among, Expansion[] top) {
        top[0] = null;
        top[1] = null;
        CompiledRule first = null;
        CompiledRule second = null;
        for (int p = 0; p < wire.length; p += (wire[p] & 0xff) + 1) {
            CompiledRule[] candidates = bySuffix.get(wire, p, wire.length - p);
            if (candidates != null) {
                for (CompiledRule rule : candidates) {
                    Expansion expansion = among.contains(rule.rule())
                            && (nameExists || rule.rule().appliesTo() == AppliesTo.ANY) ? rule.at(wire, 0) : null;
                    if (expansion == null) {
                        continue;
                    }
                    if (first == null || PRECEDENCE.compare(rule, first) < 0) {
                        second = first;
                        top[1] = top[0];
                        first = rule;
                        top[0] = expansion;
                    } else if (second == null || PRECEDENCE.compare(rule, second) < 0) {
                        second = rule;
                        top[1] = expansion;
                    }
                }
            }
            if (wire[p] == 0) {
                break;
            }
        }
        return top[0] != null;
    }

    static boolean tie(Expansion a, Expansion b) {
        return a.rule().pattern().compareSpecificity(b.rule().pattern()) == 0;
    }
}
