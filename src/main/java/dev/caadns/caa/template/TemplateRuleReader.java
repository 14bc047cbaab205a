package dev.caadns.caa.template;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.caadns.config.ConfigError;
import dev.caadns.config.TypedConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads {@code caa.templates} from the merged config (reference.conf marks it a list its reader
 * checks): every mistake stops the start with the file and line of the rule.
 */
public final class TemplateRuleReader {
    static final String PATH = "caa.templates";
    private static final Set<String> KEYS = Set.of("match", "records", "issue", "issuewild", "iodef", "table",
            "applies-to", "ttl");
    private static final long MAX_TTL = 0x7fffffffL;

    private TemplateRuleReader() {
    }

    static List<TemplateRule> read(Config config) throws ConfigError {
        ConfigValue value = config.getValue(PATH);
        if (!(value instanceof ConfigList list)) {
            throw error(value, "expected a list of rules like [{ match = \"{tenant}.customers.lab.test.\", records = [...] }]");
        }
        List<TemplateRule> rules = new ArrayList<>();
        for (ConfigValue item : list) {
            if (!(item instanceof ConfigObject rule)) {
                throw error(item, "expected a rule { match = ..., records = [...] }");
            }
            rules.add(rule(rules.size() + 1, rule));
        }
        return rules;
    }

    /**
     * The bytes of the table files the rules name, read or not yet: what {@link #read} will load.
     * Whatever is wrong with a rule or a file counts 0 here; {@link #read} reports it.
     */
    static long tableBytes(Config config) {
        if (!config.hasPath(PATH) || !(config.getValue(PATH) instanceof ConfigList list)) {
            return 0;
        }
        long bytes = 0;
        for (ConfigValue item : list) {
            ConfigValue table = item instanceof ConfigObject rule ? rule.get("table") : null;
            if (table != null && table.valueType() == ConfigValueType.STRING) {
                try {
                    bytes += Files.size(TypedConfig.resolve(table, (String) table.unwrapped()));
                } catch (IOException | RuntimeException e) {
                    // read() says what is wrong with it
                }
            }
        }
        return bytes;
    }

    private static TemplateRule rule(int number, ConfigObject rule) throws ConfigError {
        for (String key : rule.keySet()) {
            if (!KEYS.contains(key)) {
                throw error(rule.get(key), "unknown key \"" + key + "\" in rule " + number + " (a rule has: "
                        + String.join(", ", new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        NamePattern pattern;
        try {
            pattern = NamePattern.parse(string(rule, "match", null, rule));
        } catch (IllegalArgumentException e) {
            throw error(rule.get("match"), e.getMessage());
        }
        List<RecordTemplate> records = records(rule);
        Table table = rule.containsKey("table") ? table(rule.get("table"), pattern) : null;
        checkVariables(rule, pattern, records, table);
        String file = rule.origin().filename() != null ? rule.origin().filename() : rule.origin().description();
        return new TemplateRule(number, file, rule.origin().lineNumber(), pattern, records, table,
                appliesTo(rule), ttl(rule));
    }

    private static List<RecordTemplate> records(ConfigObject rule) throws ConfigError {
        List<RecordTemplate> records = new ArrayList<>();
        strings(rule, "records").forEach(r -> records.add(new RecordTemplate(r)));
        for (String tag : List.of("issue", "issuewild")) {
            strings(rule, tag).forEach(v -> records.add(new RecordTemplate("0 " + tag + " " + quoted(v))));
        }
        if (rule.containsKey("iodef")) {
            records.add(new RecordTemplate("0 iodef " + quoted(string(rule, "iodef", null, rule))));
        }
        if (records.isEmpty()) {
            throw error(rule, "a rule needs records = [\"0 issue \\\"ca.example\\\"\", ...] (or issue, issuewild, iodef)");
        }
        return records;
    }

    private static String quoted(String value) {
        return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static Table table(ConfigValue value, NamePattern pattern) throws ConfigError {
        if (value.valueType() != ConfigValueType.STRING) {
            throw error(value, "table: expected a CSV file name, got " + value.valueType().name().toLowerCase(Locale.ROOT));
        }
        if (pattern.captures().isEmpty()) {
            throw error(value, "a table is looked up with the pattern's first {capture}, and " + pattern + " has none");
        }
        Path file = TypedConfig.resolve(value, (String) value.unwrapped());
        try {
            return Table.read(file);
        } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
            throw error(value, "table " + file + ": " + e.getMessage());
        }
    }

    private static void checkVariables(ConfigObject rule, NamePattern pattern, List<RecordTemplate> records,
                                       Table table) throws ConfigError {
        // a table rule's RRsets are made per row at load, so only the row (and its key) may vary
        Set<String> known = new HashSet<>(table == null ? pattern.captures() : List.of(pattern.captures().get(0)));
        if (table != null) {
            known.addAll(table.columns());
        }
        for (RecordTemplate record : records) {
            for (String variable : record.variables()) {
                if (!known.contains(variable)) {
                    throw error(rule, "{" + variable + "} in `" + record.text() + "` is neither a capture of "
                            + pattern + " nor a table column (known: " + new java.util.TreeSet<>(known) + ")");
                }
            }
        }
    }

    private static AppliesTo appliesTo(ConfigObject rule) throws ConfigError {
        String text = string(rule, "applies-to", "existing", rule);
        return switch (text) {
            case "existing" -> AppliesTo.EXISTING;
            case "any" -> AppliesTo.ANY;
            default -> throw error(rule.get("applies-to"), "applies-to: expected existing or any, got " + text);
        };
    }

    private static long ttl(ConfigObject rule) throws ConfigError {
        ConfigValue value = rule.get("ttl");
        if (value == null) {
            return -1;
        }
        if (value.valueType() == ConfigValueType.NUMBER && value.unwrapped() instanceof Integer ttl
                && ttl >= 0 && ttl <= MAX_TTL) {
            return ttl;
        }
        throw error(value, "ttl: expected seconds from 0 to " + MAX_TTL + ", got " + value.render());
    }

    private static String string(ConfigObject rule, String key, String fallback, ConfigValue where) throws ConfigError {
        ConfigValue value = rule.get(key);
        if (value == null && fallback != null) {
            return fallback;
        }
        if (value == null || value.valueType() != ConfigValueType.STRING) {
            throw error(value == null ? where : value, key + ": expected a string");
        }
        return (String) value.unwrapped();
    }

    private static List<String> strings(ConfigObject rule, String key) throws ConfigError {
        ConfigValue value = rule.get(key);
        if (value == null) {
            return List.of();
        }
        if (value instanceof ConfigList list) {
            List<String> out = new ArrayList<>();
            for (ConfigValue item : list) {
                if (item.valueType() != ConfigValueType.STRING) {
                    throw error(item, key + ": expected a list of strings");
                }
                out.add((String) item.unwrapped());
            }
            return out;
        }
        throw error(value, key + ": expected a list of strings");
    }

    private static ConfigError error(ConfigValue value, String problem) {
        return new ConfigError(ConfigError.where(value.origin()) + ": " + PATH + ": " + problem);
    }
}
