package dev.caadns.caa.template;

import dev.caadns.zone.NameTable;
import dev.caadns.zone.WireName;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * A rule ready for the query path: its pattern, and its RRsets encoded at load, one per table row
 * (found by the first captured label) or one for all names. A rule whose records use a capture
 * without a table is the exception: its records differ per name and are built per query.
 */
final class CompiledRule {
    /** The label put in for captures when a rule is checked or shown without a real name. */
    static final String REPRESENTATIVE = "example";

    private final TemplateRule rule;
    private final NameTable<Expansion> byKey;
    private final Expansion forAll;
    private final NamePattern.Keys keys = this::hasKey;

    private CompiledRule(TemplateRule rule, NameTable<Expansion> byKey, Expansion forAll) {
        this.rule = rule;
        this.byKey = byKey;
        this.forAll = forAll;
    }

    /** @throws IllegalArgumentException when a record does not parse, naming the row */
    static CompiledRule compile(TemplateRule rule, List<Expansion> expansions) {
        if (rule.table() == null) {
            return new CompiledRule(rule, null, usesVariables(rule) ? null : expansions.get(0));
        }
        NameTable.Builder<Expansion> byKey = new NameTable.Builder<>();
        for (Expansion expansion : expansions) {
            byKey.put(label(expansion.row().key()), expansion);
        }
        return new CompiledRule(rule, byKey.build(), null);
    }

    /** Every RRset the rule can produce, each with the name it is checked and shown at, in table order. */
    static List<Expansion> expand(TemplateRule rule) {
        if (rule.table() == null) {
            Map<String, String> values = new HashMap<>();
            rule.pattern().captures().forEach(c -> values.put(c, REPRESENTATIVE));
            Name owner = name(rule.pattern().representative(rule.pattern().captures().stream()
                    .map(c -> REPRESENTATIVE).toList()));
            return List.of(Expansion.of(rule, null, WireName.asWritten(owner),
                    ParsedRecords.parse(Expansion.texts(rule, values))));
        }
        List<Expansion> out = new ArrayList<>(rule.table().rows().size());
        ParsedRecords parsed = new ParsedRecords();
        // most rules fill in nothing but the name: then a row needs no map of its values
        boolean byKeyAlone = rule.pattern().captures().size() == 1 && !usesVariables(rule);
        ParsedRecords.Parsed same = null; // the records of every row, when they fill in nothing
        for (Table.Row row : rule.table().rows()) {
            Map<String, String> values = Map.of();
            if (!byKeyAlone) {
                values = row.values(rule.table().columns());
                values.put(rule.pattern().captures().get(0), row.key());
            }
            byte[] owner = byKeyAlone ? rule.pattern().representativeWire(row.key()) : null;
            if (owner == null) { // the name as text, parsed: which also says what is wrong with it
                Map<String, String> filled = values;
                List<String> captured = byKeyAlone ? List.of(row.key()) : rule.pattern().captures().stream()
                        .map(c -> filled.getOrDefault(c, REPRESENTATIVE)).toList();
                owner = WireName.asWritten(name(rule.pattern().representative(captured)));
            }
            try {
                ParsedRecords.Parsed records = same != null ? same : parsed.of(Expansion.texts(rule, values));
                same = byKeyAlone ? records : null;
                out.add(Expansion.of(rule, row, owner, records));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("table row " + row.number() + " (" + rule.table().file() + ":"
                        + row.line() + "): " + e.getMessage(), e);
            }
        }
        return out;
    }

    TemplateRule rule() {
        return rule;
    }

    /** The rule's RRset for a name its pattern matches, or null (a key that is not in the table). */
    Expansion at(byte[] name, int off) {
        int capture = rule.pattern().match(name, off);
        if (capture == NamePattern.NO_MATCH) {
            return null;
        }
        if (byKey != null) {
            return byKey.get(name, capture, (name[capture] & 0xff) + 1);
        }
        return forAll != null ? forAll : perName(name, off);
    }

    /** True when some name below this one gets this rule's RRset. */
    boolean synthesizesBelow(byte[] name, int off) {
        return rule.pattern().matchesBelow(name, off, keys);
    }

    private boolean hasKey(byte[] name, int labelOffset) {
        return byKey == null || byKey.get(name, labelOffset, (name[labelOffset] & 0xff) + 1) != null;
    }

    private Expansion perName(byte[] name, int off) {
        List<String> captured = rule.pattern().captured(name, off);
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < captured.size(); i++) {
            values.put(rule.pattern().captures().get(i), captured.get(i));
        }
        return Expansion.atQuery(rule, values);
    }

    private static boolean usesVariables(TemplateRule rule) {
        return rule.records().stream().anyMatch(r -> !r.variables().isEmpty());
    }

    private static byte[] label(String key) {
        byte[] text = key.getBytes(StandardCharsets.US_ASCII);
        byte[] wire = new byte[text.length + 1];
        wire[0] = (byte) text.length;
        System.arraycopy(text, 0, wire, 1, text.length);
        return wire;
    }

    static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("`" + text + "` is not a domain name: " + e.getMessage(), e);
        }
    }
}
