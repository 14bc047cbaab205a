package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.EncryptedCaadns;
import dev.caadns.testsupport.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * dnsperf's own DoT and DoH clients, a bounded smoke run: the query file once through (-n 1), ten
 * queries in flight, and every query answered. Not a measurement (that is benchmarks/run).
 */
class DnsperfTlsSmokeTest {
    private static final int REPEATS = 20;
    private static final Pattern SENT = Pattern.compile("Queries sent:\\s+(\\d+)");
    private static final Pattern COMPLETED = Pattern.compile("Queries completed:\\s+(\\d+)");

    @RegisterExtension
    static final EncryptedCaadns.PerClass fixture = new EncryptedCaadns.PerClass();
    private static Path queries;

    @BeforeAll
    static void queryFile() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < REPEATS; i++) {
            lines.append("lab.test CAA\nwww.lab.test A\nnothing.lab.test AAAA\nlab.test SOA\nother.example A\n");
        }
        queries = Files.writeString(fixture.dir().resolve("queries.txt"), lines);
    }

    @ParameterizedTest
    @ValueSource(strings = {"dot", "doh"})
    void everyQueryIsAnswered(String mode) {
        Command.require("dnsperf", "dnsperf");
        int port = (mode.equals("dot") ? fixture.server().dot() : fixture.server().doh()).getPort();

        Command.Result run = Command.run(List.of("dnsperf", "-m", mode, "-s", "127.0.0.1",
                "-p", String.valueOf(port), "-d", queries.toString(), "-n", "1", "-c", "1", "-T", "1",
                "-q", "10", "-t", "5", "-l", "30"), "", 60);

        assertThat(run.exitCode()).as(run.output() + run.output()).isZero();
        assertThat(count(SENT, run.output())).as(run.output()).isEqualTo(5 * REPEATS);
        assertThat(count(COMPLETED, run.output())).as(run.output()).isEqualTo(5 * REPEATS);
        if (mode.equals("doh")) {
            assertThat(run.output()).contains("200: " + 5 * REPEATS);
        }
    }

    private static int count(Pattern pattern, String out) {
        Matcher m = pattern.matcher(out);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
