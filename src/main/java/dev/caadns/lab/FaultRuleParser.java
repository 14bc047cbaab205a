package dev.caadns.lab;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Reads a fault rule from the plain map a JSON body or a config entry gives, so the API and the
 * config file accept the same shape:
 * {@code {id, name, subtree, types, transport, action, delay, ede: {code, text}, times, probability}}.
 * Every problem is an {@link IllegalArgumentException} naming the key.
 */
public final class FaultRuleParser {
    private static final Set<String> KEYS = Set.of("id", "name", "subtree", "types", "transport", "action",
            "delay", "ede", "times", "probability");
    private static final int MAX_DELAY_MILLIS = 60_000;

    private FaultRuleParser() {
    }

    public static FaultRule parse(Map<?, ?> entry) {
        for (Object key : entry.keySet()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException("unknown key \"" + key + "\" (a fault has " + String.join(", ",
                        new java.util.TreeSet<>(KEYS)) + ")");
            }
        }
        if (entry.get("name") == null) {
            throw new IllegalArgumentException("name: required, e.g. \"caa.lab.test.\"");
        }
        Name name = name(text(entry, "name", null));
        FaultAction action = FaultAction.of(text(entry, "action", "none"));
        Transport transport = Transport.of(text(entry, "transport", "any"));
        if ((action == FaultAction.TC || action == FaultAction.TCP_ONLY) && transport != Transport.ANY
                && transport != Transport.UDP) {
            throw new IllegalArgumentException("transport: " + action.label() + " acts on UDP replies only");
        }
        int edeCode = -1;
        String edeText = "";
        Object ede = entry.get("ede");
        if (ede != null) {
            if (!(ede instanceof Map<?, ?> e) || !Set.of("code", "text").containsAll(e.keySet())) {
                throw new IllegalArgumentException("ede: expected {\"code\": 0-65535, \"text\": \"...\"}");
            }
            edeCode = integer(e, "code", -1, 0, 65535);
            edeText = text(e, "text", "");
            if (edeCode < 0) {
                throw new IllegalArgumentException("ede.code: required");
            }
        }
        return new FaultRule(text(entry, "id", ""), name, bool(entry, "subtree"), types(entry.get("types")),
                transport, action, integer(entry, "delay", 0, 0, MAX_DELAY_MILLIS), edeCode, edeText,
                integer(entry, "times", 0, 0, Integer.MAX_VALUE), probability(entry.get("probability")));
    }

    private static Name name(String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException("name: not a domain name: \"" + text + "\"");
        }
    }

    private static Set<Integer> types(Object value) {
        if (value == null) {
            return Set.of();
        }
        if (!(value instanceof List<?> list)) {
            throw new IllegalArgumentException("types: expected a list like [\"CAA\", \"A\"]");
        }
        Set<Integer> types = new LinkedHashSet<>();
        for (Object item : list) {
            int type = item instanceof String s ? Type.value(s) : -1;
            if (type < 0) {
                throw new IllegalArgumentException("types: unknown type " + item);
            }
            types.add(type);
        }
        return types;
    }

    private static double probability(Object value) {
        if (value == null) {
            return 1.0;
        }
        if (!(value instanceof Number n) || !(n.doubleValue() > 0 && n.doubleValue() <= 1)) {
            throw new IllegalArgumentException("probability: expected a number above 0 and at most 1, got " + value);
        }
        return n.doubleValue();
    }

    private static String text(Map<?, ?> entry, String key, String fallback) {
        Object value = entry.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof String s)) {
            throw new IllegalArgumentException(key + ": expected a string, got " + value);
        }
        return s;
    }

    private static boolean bool(Map<?, ?> entry, String key) {
        Object value = entry.get(key);
        if (value == null) {
            return false;
        }
        if (!(value instanceof Boolean b)) {
            throw new IllegalArgumentException(key + ": expected true or false, got " + value);
        }
        return b;
    }

    private static int integer(Map<?, ?> entry, String key, int fallback, int min, int max) {
        Object value = entry.get(key);
        if (value == null) {
            return fallback;
        }
        if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < min
                || ((Number) value).longValue() > max) {
            throw new IllegalArgumentException(key + ": expected a whole number from " + min + " to " + max
                    + ", got " + value);
        }
        return ((Number) value).intValue();
    }
}
