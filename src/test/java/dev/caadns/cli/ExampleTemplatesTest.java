package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The example caadns.conf's template rules, as the README shows them through explain and check --show-policy. */
class ExampleTemplatesTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void explainNamesTheRuleAndTableRowBehindATenantsPolicy() {
        int code = run("explain", "acme.customers.lab.test", "--ca", "letsencrypt.org", "--account",
                "https://acme-v02.api.letsencrypt.org/acme/acct/1001", "--method", "dns-01", "--config", "caadns.conf");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("1. CAA? acme.customers.lab.test. -> 2 CAA record(s) at acme.customers.lab.test.\n")
                .contains("\n     synthesized by rule 2 (caadns.conf:12, table row 1)\n")
                .contains("verdict: permit");
    }

    @Test
    void explainOfAnInheritedPolicyNamesNoRule() {
        run("explain", "apps.lab.test", "--ca", "pki.goog", "--config", "caadns.conf");
        assertThat(out.toString()).contains("relevant RRset: lab.test.").doesNotContain("synthesized")
                .contains("verdict: deny");
    }

    @Test
    void explainJsonCarriesTheSourceOfTheStep() throws Exception {
        run("explain", "beta.apps.lab.test", "--ca", "pki.goog", "--config", "caadns.conf", "--format", "json");
        JsonNode step = new ObjectMapper().readTree(out.toString()).get("steps").get(0);
        assertThat(step.get("source").asText()).isEqualTo("synthesized by rule 1 (caadns.conf:8)");
        assertThat(new ObjectMapper().readTree(out.toString()).get("verdict").asText()).isEqualTo("permit");
    }

    @Test
    void showPolicyMarksEveryNameLiteralSynthesizedOrInherited() {
        int code = run("check", "--show-policy", "--config", "caadns.conf", "zones/lab.test.zone");
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("CAA policy of every name in lab.test. (zones/lab.test.zone)\n")
                .containsPattern("(?m)^lab\\.test\\. +literal: 0 issue \"letsencrypt.org\" \\| 0 issuewild \";\"")
                .containsPattern("(?m)^alpha\\.apps\\.lab\\.test\\. +synthesized by rule 1 \\(caadns.conf:8\\):"
                        + " 0 issue \"pki.goog\" \\| 0 iodef \"mailto:security@lab.test\"$")
                .containsPattern("(?m)^initech\\.customers\\.lab\\.test\\. +synthesized by rule 2 \\(caadns.conf:12,"
                        + " table row 3\\): 0 issue \"letsencrypt.org; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/1003;")
                .containsPattern("(?m)^apps\\.lab\\.test\\. +inherited from lab\\.test\\. \\(literal\\)$")
                .containsPattern("(?m)^www\\.lab\\.test\\. +CNAME to web\\.lab\\.test\\.: literal there")
                .containsPattern("(?m)^child\\.lab\\.test\\. +delegated")
                .contains("rule 2 {tenant}.customers.lab.test. (caadns.conf:12): applies-to any, 3 rows from templates/tenants.csv\n");
    }
}
