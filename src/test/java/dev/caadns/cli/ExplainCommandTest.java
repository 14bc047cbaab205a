package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code caadns explain} over the fixture zone folder cli/explain (example.test.). */
class ExplainCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static String zones() {
        try {
            return Path.of(ExplainCommandTest.class.getResource("/cli/explain").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private int explain(String... args) {
        List<String> all = new ArrayList<>(List.of("explain"));
        all.addAll(List.of(args));
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(all.toArray(String[]::new));
    }

    /** The flags for one table row; blank account or method is left out. */
    private static String[] flags(String identifier, String ca, String account, String method, String... more) {
        List<String> args = new ArrayList<>(List.of(identifier, "--ca", ca, "--zones", zones()));
        if (account != null) {
            args.addAll(List.of("--account", account));
        }
        if (method != null) {
            args.addAll(List.of("--method", method));
        }
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @ParameterizedTest(name = "{0} for {1} (account {2}, method {3}): {4} at {5}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
        "example.test            | ca.example    | -                         | -       | permit | example.test.",
        "new.sub.example.test    | ca.example    | -                         | -       | permit | example.test.",
        "example.test            | other.example | -                         | -       | deny   | example.test.",
        "*.example.test          | ca.example    | -                         | -       | deny   | example.test.",
        "deny.example.test       | ca.example    | -                         | -       | deny   | deny.example.test.",
        "www.example.test        | ca.example    | -                         | -       | deny   | web.example.test.",
        "www.example.test        | other.example | -                         | -       | permit | web.example.test.",
        "acme.example.test       | ca.example    | https://ca.example/acct/1 | dns-01  | permit | acme.example.test.",
        "acme.example.test       | ca.example    | https://ca.example/acct/1 | http-01 | deny   | acme.example.test.",
        "acme.example.test       | ca.example    | https://ca.example/acct/2 | dns-01  | deny   | acme.example.test.",
        "user@mail.example.test  | ca.example    | -                         | -       | permit | mail.example.test.",
        "user@mail.example.test  | other.example | -                         | -       | deny   | mail.example.test.",
    })
    void textNamesTheRelevantRRsetAndTheVerdict(String identifier, String ca, String account, String method,
                                                String verdict, String relevant) {
        assertThat(explain(flags(identifier, ca, account, method))).as(err.toString()).isZero();

        assertThat(out.toString().lines()).first().asString().startsWith("identifier " + identifier + " (");
        assertThat(out.toString().lines()).contains("relevant RRset: " + relevant)
                .anySatisfy(line -> assertThat(line).startsWith("verdict: " + verdict + " - "));
    }

    @ParameterizedTest(name = "--format json {0} for {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "example.test      | ca.example | permit | example.test.      | 0 issue \"ca.example\"",
        "deny.example.test | ca.example | deny   | deny.example.test. | 0 issue \";\"",
    })
    void jsonIsOneObjectWithTheVerdict(String identifier, String ca, String verdict, String relevant, String rrset)
            throws IOException {
        assertThat(explain(flags(identifier, ca, null, null, "--format", "json"))).isZero();

        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("identifier").asText()).isEqualTo(identifier);
        assertThat(root.get("verdict").asText()).isEqualTo(verdict);
        assertThat(root.get("relevant").asText()).isEqualTo(relevant);
        assertThat(root.get("rrset").get(0).asText()).isEqualTo(rrset);
        assertThat(root.get("boulder").get("verdict").asText()).isEqualTo(verdict);
    }

    @Test
    void missingCaIsAUsageError() {
        assertThat(explain("example.test", "--zones", zones())).isEqualTo(2);
        assertThat(err.toString()).contains("--ca");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badIdentifierIsAUsageError() {
        assertThat(explain("bad..example.test", "--ca", "ca.example", "--zones", zones())).isEqualTo(2);
        assertThat(err.toString()).contains("bad identifier 'bad..example.test'");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void noServableZoneIsAnErrorNotAVerdict(@TempDir Path empty) {
        assertThat(explain("example.test", "--ca", "ca.example", "--zones", empty.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("no zone could be loaded from " + empty);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void badConfigIsAUsageError(@TempDir Path dir) throws IOException {
        Path config = Files.writeString(dir.resolve("caadns.conf"), "caa { allow-invalid = maybe }\n");

        assertThat(explain("example.test", "--ca", "ca.example", "--config", config.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith(config + ":1: caa.allow-invalid");
        assertThat(out.toString()).isEmpty();
    }
}
