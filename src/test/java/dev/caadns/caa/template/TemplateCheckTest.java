package dev.caadns.caa.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caadns.caa.CaaPlugin;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.config.SettingsLoader;
import dev.caadns.server.ZonesAndChain;
import dev.caadns.testsupport.TemplateZones;
import dev.caadns.zone.Finding;
import dev.caadns.zone.LoadedZone;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What loading the fixture zone with template rules reports, placed at the rule in the config. */
class TemplateCheckTest {
    @TempDir
    Path dir;

    private Path config;

    @BeforeEach
    void copyFixture() {
        config = TemplateZones.copyTo(dir);
    }

    private LoadedZone load(Path configFile, boolean allowInvalid) throws ConfigError {
        Map<String, Object> flags = new HashMap<>(TemplateZones.zoneFlags(dir));
        flags.put("caa.allow-invalid", allowInvalid);
        Settings settings = SettingsLoader.load(Optional.of(configFile), flags);
        return ZonesAndChain.loader(settings, List.of(CaaPlugin.forSettings(settings)))
                .load(dir.resolve("tpl.test.zone"), TemplateZones.ORIGIN);
    }

    /** A config of the fixture's rules and these after them (rule 7, 8, ...) from line 3 of more.conf. */
    private Path withRules(String... rules) throws Exception {
        Path more = dir.resolve("more.conf");
        Files.writeString(more, "include \"rules.conf\"\ncaa.templates = ${caa.templates} [\n"
                + String.join("\n", rules) + "\n]\n");
        return more;
    }

    private static List<String> lines(LoadedZone zone, String code) {
        return zone.findings().stream().filter(f -> f.code().equals(code)).map(Finding::format).toList();
    }

    @Test
    void rulesForAnyNameWithoutATableAreReportedNotTransferable() throws Exception {
        LoadedZone zone = load(config, false);
        // rules 3 (*.any), 4 (**.deep) and 6 ({host}.hosts) apply to any name and have no table;
        // rule 2 (applies-to = any, with a table) can be written out and is not reported
        assertThat(lines(zone, "T-XFR")).hasSize(3).allSatisfy(line -> assertThat(line).contains("not transferable"))
                .anySatisfy(line -> assertThat(line).contains("rule 3 (")).anySatisfy(line -> assertThat(line)
                        .contains("rule 4 (")).anySatisfy(line -> assertThat(line).contains("rule 6 ("));
    }

    @Test
    void theFixtureIsServableAndSaysWhereRulesDoNotApply() throws Exception {
        LoadedZone zone = load(config, false);
        assertThat(zone.servable()).isTrue();
        assertThat(lines(zone, "T-CNAME")).singleElement().asString()
                .startsWith(config + ":3: warning[T-CNAME] alias.apps.tpl.test.: rule 1 (" + config + ":3) matches");
        assertThat(lines(zone, "T-CUT")).singleElement().asString()
                .contains("warning[T-CUT] kid.apps.tpl.test.: rule 1");
        assertThat(lines(zone, "T-TIE")).isEmpty();
    }

    @Test
    void equallySpecificRulesForOneNameAreATie() throws Exception {
        LoadedZone zone = load(withRules("{ match = \"{x}.apps.tpl.test.\", issue = [\"tie.example\"] }"), false);
        assertThat(lines(zone, "T-TIE")).singleElement().asString()
                .startsWith(dir.resolve("more.conf") + ":3: warning[T-TIE]")
                .contains("rules 1 and 7 match this name and are equally specific: rule 1 wins");
    }

    @Test
    void aBrokenRecordStopsTheZoneUnlessAllowInvalidAndNamesTheRule() throws Exception {
        Path more = withRules("{ match = \"*.any.tpl.test.\", issue = [\"ca.example; a=1;\"] }");
        LoadedZone zone = load(more, false);
        assertThat(zone.servable()).isFalse();
        assertThat(lines(zone, "I-ISSUE-ABNF")).singleElement().asString()
                .startsWith(more + ":3: error[I-ISSUE-ABNF] any.any.tpl.test.: rule 7: issue value");
        LoadedZone waived = load(more, true);
        assertThat(waived.servable()).isTrue();
        assertThat(lines(waived, "I-ISSUE-ABNF")).singleElement().asString().endsWith("(served as published: allow-invalid)");
    }

    @Test
    void aTableIsExpandedRowByRowAndAFindingNamesTheRow() throws Exception {
        Files.writeString(dir.resolve("bad.csv"), "name,account\nok,1\nbroken,1 2\n");
        Path more = withRules("{ match = \"{name}.bad.tpl.test.\", table = \"bad.csv\",",
                "  records = [\"0 issue \\\"ca.example; accounturi=https://ca.example/{account}\\\"\"] }");
        assertThat(lines(load(more, false), "I-ISSUE-ABNF")).singleElement().asString()
                .startsWith(more + ":3: error[I-ISSUE-ABNF] broken.bad.tpl.test.: rule 7, table row 2 ("
                        + dir.resolve("bad.csv") + ":3)");
    }

    @Test
    void rowsRepeatingAPolicyAreCheckedWhereTheirNameChangesTheChecks() throws Exception {
        // five issue records of 215-byte values: an answer of 1,213 bytes at the short name, 1,272
        // (over 1,232: W-BIG) at the long one; clean at the first row, so a check skipped for the
        // repeated text would miss it
        StringBuilder records = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            String prefix = "ca" + i + ".example; k=";
            records.append(i == 0 ? "" : ", ").append("\"0 issue \\\"").append(prefix)
                    .append("a".repeat(215 - prefix.length())).append("\\\"\"");
        }
        String longKey = "k".repeat(60);
        Files.writeString(dir.resolve("big.csv"), "name,account\na,1\nb,1\n" + longKey + ",1\nc,1\n");
        Path more = withRules("{ match = \"{name}.big.tpl.test.\", table = \"big.csv\",",
                "  records = [" + records + "] }");
        assertThat(lines(load(more, false), "W-BIG")).singleElement().asString()
                .contains("warning[W-BIG] " + longKey + ".big.tpl.test.: rule 7, table row 3 (");
    }

    @Test
    void aTableKeyMustBeADnsLabel() throws Exception {
        String rule = "{ match = \"{name}.keys.tpl.test.\", table = \"keys.csv\", issue = [\"ca.example\"] }";
        for (String key : List.of("-lead", "trail-", "under_score", "d.ot", "k".repeat(64))) {
            Files.writeString(dir.resolve("keys.csv"), "name\n" + key + "\n");
            assertThatThrownBy(() -> load(withRules(rule), false)).isInstanceOf(ConfigError.class)
                    .hasMessageContaining("keys.csv:2: key `" + key + "` is not a DNS label");
        }
        Files.writeString(dir.resolve("keys.csv"), "name\nok-1\nA9\n" + "k".repeat(63) + "\n");
        assertThat(load(withRules(rule), false).servable()).isTrue();
    }

    @Test
    void aRuleThatRestrictsNothingIsWarnedAbout() throws Exception {
        LoadedZone zone = load(withRules("{ match = \"*.any.tpl.test.\", iodef = \"mailto:x@tpl.test\" }"), false);
        assertThat(lines(zone, "W-NO-RESTRICTION")).singleElement().asString().contains(":3: warning[W-NO-RESTRICTION]");
        assertThat(zone.servable()).isTrue();
    }

    @Test
    void rulesThatCannotBeReadStopTheStartWithTheirPlace() throws Exception {
        assertThatThrownBy(() -> load(withRules("{ match = \"*.tpl.test.\", issue = [\"a\"], colour = red }"), false))
                .isInstanceOf(ConfigError.class).hasMessageStartingWith(dir.resolve("more.conf") + ":3: caa.templates:")
                .hasMessageContaining("unknown key \"colour\"");
        assertThatThrownBy(() -> load(withRules("{ match = \"*.tpl.test.\", records = [\"0 issue \\\"{who}\\\"\"] }"), false))
                .hasMessageContaining("{who} in `0 issue \"{who}\"` is neither a capture");
        assertThatThrownBy(() -> load(withRules("{ match = \"*.tpl.test.\", table = \"tenants.csv\", issue = [\"a\"] }"), false))
                .hasMessageContaining("has none");
        assertThatThrownBy(() -> load(withRules("{ match = \"*.tpl.test.\", records = [\"0 issue\"] }"), false))
                .hasMessageContaining("is not CAA RDATA");
        assertThatThrownBy(() -> load(withRules("{ match = \"{t}.tpl.test.\", table = \"nowhere.csv\", issue = [\"a\"] }"), false))
                .hasMessageContaining("nowhere.csv");
    }
}
