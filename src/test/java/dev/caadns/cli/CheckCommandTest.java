package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** {@code caadns check}: exit codes, --strict, the compiler-style lines and the JSON object. */
class CheckCommandTest {

    /** The CAA record of every fixture zone is on this line. */
    private static final int CAA_LINE = 6;

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void writeZones() throws IOException {
        zone("clean.test", "0 issue \"ca.example\"");
        zone("warn.test", "0 ISSUE \"ca.example\"");
        zone("bad.test", "0 issue \"ca.example; a=1;\"");
        zone("marked.test", "0 issue \"ca.example; a=1;\" ; caadns:allow-invalid");
        Files.writeString(dir.resolve("lab.conf"), "caa.allow-invalid = true\n");
    }

    private void zone(String origin, String caa) throws IOException {
        Files.writeString(dir.resolve(origin + ".zone"), String.join("\n",
                "$ORIGIN " + origin + ".",
                "$TTL 300",
                "@ SOA ns hostmaster 1 7200 3600 1209600 300",
                "@ NS ns",
                "ns A 127.0.0.1",
                "@ CAA " + caa,
                ""));
    }

    private int check(String... args) {
        List<String> resolved = new ArrayList<>(List.of("check"));
        for (String arg : args) {
            resolved.add(arg.endsWith(".zone") || arg.endsWith(".conf") ? dir.resolve(arg).toString() : arg);
        }
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(resolved.toArray(String[]::new));
    }

    private List<String> lines() {
        return out.toString().lines().toList();
    }

    @ParameterizedTest(name = "check {0} -> exit {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "clean.test.zone                                  | 0 | 1 zone, 0 errors, 0 warnings",
        "--strict clean.test.zone                         | 0 | 1 zone, 0 errors, 0 warnings",
        "warn.test.zone                                   | 0 | 1 zone, 0 errors, 1 warning",
        "--strict warn.test.zone                          | 2 | 1 zone, 0 errors, 1 warning",
        "bad.test.zone                                    | 2 | 1 zone, 1 error, 0 warnings",
        "clean.test.zone warn.test.zone bad.test.zone     | 2 | 3 zones, 1 error, 1 warning",
        "marked.test.zone                                 | 0 | 1 zone, 0 errors, 0 warnings, 1 waived error",
        "--strict marked.test.zone                        | 2 | 1 zone, 0 errors, 0 warnings, 1 waived error",
        "--config lab.conf bad.test.zone                  | 0 | 1 zone, 0 errors, 0 warnings, 1 waived error",
        "--config lab.conf --strict bad.test.zone         | 2 | 1 zone, 0 errors, 0 warnings, 1 waived error",
    })
    void exitCodeAndSummary(String args, int exit, String summary) {
        assertThat(check(args.split(" "))).as(out + "" + err).isEqualTo(exit);
        assertThat(lines()).last().isEqualTo(summary);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aFolderMeansItsZoneFiles() throws IOException {
        Files.writeString(dir.resolve("notes.txt"), "not a zone\n");

        assertThat(check(dir.toString())).isEqualTo(2);
        assertThat(lines()).last().isEqualTo("4 zones, 1 error, 1 warning, 1 waived error");
    }

    @Test
    void noPathsChecksTheZonesTheConfigServes() throws IOException {
        Path config = Files.writeString(dir.resolve("zones.conf"),
                "zones.files = [{ file = \"clean.test.zone\" }, { file = \"warn.test.zone\" }]\n");

        assertThat(check("--config", config.toString())).isZero();
        assertThat(lines()).last().isEqualTo("2 zones, 0 errors, 1 warning");
    }

    @Test
    void eachFindingIsOneCompilerStyleLine() {
        check("warn.test.zone", "bad.test.zone");

        assertThat(lines()).hasSize(3);
        assertThat(lines().get(0)).startsWith(dir.resolve("warn.test.zone") + ":" + CAA_LINE
                + ": warning[W-TAG-CASE] warn.test.: ").contains(" hint: ");
        assertThat(lines().get(1)).startsWith(dir.resolve("bad.test.zone") + ":" + CAA_LINE
                + ": error[I-ISSUE-ABNF] bad.test.: ").contains(" hint: ");
    }

    @Test
    void jsonHasOneObjectPerFindingAndASummary() throws IOException {
        assertThat(check("--format", "json", "warn.test.zone", "bad.test.zone")).isEqualTo(2);

        JsonNode root = new ObjectMapper().readTree(out.toString());
        assertThat(root.get("findings")).hasSize(2);
        JsonNode error = root.get("findings").get(1);
        assertThat(error.get("file").asText()).isEqualTo(dir.resolve("bad.test.zone").toString());
        assertThat(error.get("line").asInt()).isEqualTo(CAA_LINE);
        assertThat(error.get("owner").asText()).isEqualTo("bad.test.");
        assertThat(error.get("severity").asText()).isEqualTo("error");
        assertThat(error.get("code").asText()).isEqualTo("I-ISSUE-ABNF");
        assertThat(error.get("message").asText()).isNotBlank();
        assertThat(error.get("hint").asText()).isNotBlank();
        assertThat(error.get("waived").asBoolean()).isFalse();
        assertThat(root.get("findings").get(0).get("severity").asText()).isEqualTo("warning");
        assertThat(root.get("summary").toString())
                .isEqualTo("{\"zones\":2,\"errors\":1,\"warnings\":1,\"waived\":0}");
    }

    @Test
    void aBadConfigIsAUsageErrorAndNoZoneIsChecked() throws IOException {
        Path config = Files.writeString(dir.resolve("typo.conf"), "caa.allow-invalide = true\n");

        assertThat(check("--config", config.toString(), "clean.test.zone")).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).startsWith(config + ":1: caa.allow-invalide: unknown key");
    }

    @Test
    void aMissingFileIsAnErrorFindingNamingIt() {
        assertThat(check("absent.test.zone")).isEqualTo(2);
        assertThat(lines().get(0)).startsWith(dir.resolve("absent.test.zone") + ": error[Z-FILE]");
    }

    /** SSLMate's files are named after their origin with no ".zone": accepted as named, origin from the name. */
    @ParameterizedTest(name = "caatestsuite.com. with {0}: exit {1}")
    @CsvSource(delimiter = '|', value = {
        "''                 | 2 | false",
        "caa.allow-invalid = true | 0 | true",
    })
    void caatestsuiteZoneFileAsPublished(String config, int exit, boolean waived) throws IOException {
        Path suite = dir.resolve("caatestsuite.com.");
        try (InputStream in = getClass().getResourceAsStream("/caa/caatestsuite.com.zone")) {
            Files.copy(in, suite);
        }
        Path conf = Files.writeString(dir.resolve("suite.conf"), config + "\n");

        assertThat(check("--format", "json", "--config", conf.toString(), suite.toString())).isEqualTo(exit);

        JsonNode findings = new ObjectMapper().readTree(out.toString()).get("findings");
        assertThat(StreamSupport.stream(findings.spliterator(), false).map(f -> f.get("owner").asText()))
                .isNotEmpty().allMatch(owner -> owner.endsWith(".caatestsuite.com."));
        assertThat(StreamSupport.stream(findings.spliterator(), false)
                .filter(f -> f.get("severity").asText().equals("error"))
                .map(f -> f.get("code").asText() + "@" + f.get("line").asInt() + " waived=" + f.get("waived").asBoolean()))
                .containsExactly("I-FLAGS-RESERVED@1047 waived=" + waived, "I-ISSUE-ABNF@1061 waived=" + waived);
    }
}
