package dev.caadns.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Compares the keys a user set with reference.conf: a key it does not define is an error (a typo
 * would otherwise be ignored), and so is a plain value where it has a group of keys.
 * A reference object whose comment holds {@value #OPEN_MARK} is open: keys below it are the
 * user's own, checked by the code that reads them. Lists are not entered; their readers check them.
 */
final class KeyCheck {

    static final String OPEN_MARK = "@open";

    private KeyCheck() {
    }

    /** One line per problem, in file order, like {@code caadns.conf:7: edns.udp-sise: unknown key (...)}. */
    static List<String> problems(ConfigObject reference, ConfigObject user) {
        List<String> problems = new ArrayList<>();
        walk(List.of(), reference, user, problems);
        return problems;
    }

    private static void walk(List<String> parent, ConfigObject reference, ConfigObject user, List<String> problems) {
        List<Map.Entry<String, ConfigValue>> entries = new ArrayList<>(user.entrySet());
        entries.sort(Comparator.comparingInt(e -> e.getValue().origin().lineNumber()));
        for (Map.Entry<String, ConfigValue> entry : entries) {
            List<String> path = new ArrayList<>(parent);
            path.add(entry.getKey());
            ConfigValue known = reference.get(entry.getKey());
            ConfigValue value = entry.getValue();
            String where = ConfigError.where(value.origin()) + ": " + ConfigUtil.joinPath(path) + ": ";
            if (known == null) {
                problems.add(where + "unknown key (" + knownKeys(parent, reference) + ")");
            } else if (known instanceof ConfigObject knownObject) {
                if (value instanceof ConfigObject userObject) {
                    if (!isOpen(known)) {
                        walk(path, knownObject, userObject, problems);
                    }
                } else {
                    problems.add(where + "expected a group of keys { ... }, got "
                            + value.render(ConfigRenderOptions.concise()));
                }
            }
        }
    }

    private static boolean isOpen(ConfigValue known) {
        return known.origin().comments().stream().anyMatch(line -> line.contains(OPEN_MARK));
    }

    private static String knownKeys(List<String> parent, ConfigObject reference) {
        String keys = String.join(", ", new TreeSet<>(reference.keySet()));
        return parent.isEmpty() ? "top-level keys are: " + keys
                : ConfigUtil.joinPath(parent) + " has: " + keys;
    }
}
