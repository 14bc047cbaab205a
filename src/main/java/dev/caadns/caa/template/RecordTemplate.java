package dev.caadns.caa.template;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** CAA RDATA in presentation form with {@code {name}} placeholders for captures and table columns. */
record RecordTemplate(String text) {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_-]*)}");

    /** The placeholder names used. */
    Set<String> variables() {
        Set<String> names = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** The text with every placeholder replaced; all must be in values ({@link #variables()} checked at load). */
    String expand(Map<String, String> values) {
        return PLACEHOLDER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(values.get(m.group(1))));
    }
}
