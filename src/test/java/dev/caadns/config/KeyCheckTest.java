package dev.caadns.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import org.junit.jupiter.api.Test;

class KeyCheckTest {

    private static final ConfigObject REFERENCE = parse("""
            known { a = 1, inner { b = 2 } }
            # Fault rules. @open: their keys are checked by the faults module.
            faults { }
            rules = []
            """);

    private static ConfigObject parse(String text) {
        return ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription("user.conf"))
                .root();
    }

    @Test
    void reportsEveryUnknownKeyInFileOrder() {
        ConfigObject user = parse("""
                known.inner.c = 3
                known.a = 1
                nope = 4
                """);

        assertThat(KeyCheck.problems(REFERENCE, user)).containsExactly(
                "user.conf: 1: known.inner.c: unknown key (known.inner has: b)",
                "user.conf: 3: nope: unknown key (top-level keys are: faults, known, rules)");
    }

    @Test
    void aPlainValueWhereAGroupBelongsIsReported() {
        assertThat(KeyCheck.problems(REFERENCE, parse("known = 5"))).containsExactly(
                "user.conf: 1: known: expected a group of keys { ... }, got 5");
    }

    @Test
    void keysUnderAnOpenObjectAreTheUsers() {
        assertThat(KeyCheck.problems(REFERENCE, parse("faults { drop-all { rate = 1 } }"))).isEmpty();
    }

    @Test
    void listEntriesAreLeftToTheirReader() {
        assertThat(KeyCheck.problems(REFERENCE, parse("rules = [{ anything = 1 }]"))).isEmpty();
    }
}
