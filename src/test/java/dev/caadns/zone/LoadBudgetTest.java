package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A zone file cannot exhaust the loader: includes, $GENERATE, records and time are budgeted. */
class LoadBudgetTest {
    private static final String APEX = "$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 192.0.2.1\n";
    private static final Duration QUICKLY = Duration.ofSeconds(20);
    @TempDir
    Path dir;

    private LoadedZone load(String text, LoadOptions options) throws IOException {
        Path file = dir.resolve("budget.test.zone");
        Files.writeString(file, APEX + text);
        return assertTimeoutPreemptively(QUICKLY, () -> new ZoneLoader(options, List.of()).load(file, null));
    }

    private static LoadOptions budgets(int includeFiles, long bytes, long generated, int records, Duration time) {
        return new LoadOptions(8, 65536, includeFiles, bytes, generated, records, time);
    }

    private static void refusedWith(LoadedZone zone, String code) {
        assertThat(zone.findings()).extracting(Finding::code).contains(code);
        assertThat(zone.servable()).isFalse();
    }

    @Test
    void anIncludeFanOutStopsAtTheFileBudget() throws IOException {
        // 10 x 10 x 10 x 10 reads of four small files, no loop: 11,110 reads without a budget
        for (int level = 1; level <= 4; level++) {
            String next = level < 4 ? "$INCLUDE l" + (level + 1) + ".inc\n" : "x TXT \"leaf\"\n";
            Files.writeString(dir.resolve("l" + level + ".inc"), next.repeat(10));
        }
        LoadedZone zone = load("$INCLUDE l1.inc\n", LoadOptions.defaults());

        refusedWith(zone, "Z-LOAD-BUDGET");
        assertThat(zone.findings().get(zone.findings().size() - 1).message()).contains("1024 included files");
    }

    @Test
    void devicesFifosAndProcFilesAreNotIncluded() throws Exception {
        Path fifo = dir.resolve("fifo.inc");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
        LoadedZone zone = load("$INCLUDE /dev/zero\n$INCLUDE " + fifo + "\n$INCLUDE /proc/self/environ\n"
                + "$INCLUDE " + dir + "\n", LoadOptions.defaults());

        assertThat(zone.findings()).extracting(Finding::code).containsExactly("Z-INCLUDE-NOT-FILE",
                "Z-INCLUDE-NOT-FILE", "Z-INCLUDE-NOT-FILE", "Z-INCLUDE-NOT-FILE");
        String environ = Files.readString(Path.of("/proc/self/environ")).split("\0")[0];
        assertThat(zone.findings()).noneMatch(f -> f.message().contains(environ));
    }

    @Test
    void theTextOfAFileOutsideTheZonesFolderIsNeverQuoted(@TempDir Path elsewhere) throws IOException {
        Path secret = elsewhere.resolve("secrets.env");
        Files.writeString(secret, "API_TOKEN=hunter2-very-secret\n\"unbalanced\n");
        Files.writeString(dir.resolve("own.inc"), "visible OWN_TEXT x\n");
        LoadedZone zone = load("$INCLUDE " + secret + "\n$INCLUDE own.inc\n", LoadOptions.defaults());

        assertThat(zone.findings()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(f -> assertThat(f.format())
                .doesNotContain("hunter2").doesNotContain("API_TOKEN").doesNotContain("unbalanced"));
        assertThat(zone.findings()).anySatisfy(f -> assertThat(f.message()).contains("OWN_TEXT"));
    }

    @Test
    void generateIsBudgetedPerZoneNotOnlyPerLine() throws IOException {
        LoadedZone zone = load("$GENERATE 1-65536 h$ A 192.0.2.2\n".repeat(200),
                budgets(1024, 1L << 30, 100_000, 50_000_000, Duration.ofMinutes(1)));

        refusedWith(zone, "Z-LOAD-BUDGET");
        assertThat(zone.findings()).anySatisfy(f -> assertThat(f.message()).contains("generated names"));
    }

    @Test
    void recordsBytesAndTimeAreBudgeted() throws IOException {
        String many = "r TXT \"x\"\n".repeat(5000);
        refusedWith(load(many, budgets(1024, 1L << 30, 0, 1000, Duration.ofMinutes(1))), "Z-LOAD-BUDGET");
        refusedWith(load(many, budgets(1024, 1000, 0, 50_000_000, Duration.ofMinutes(1))), "Z-LOAD-BUDGET");
        refusedWith(load(many, budgets(1024, 1L << 30, 0, 50_000_000, Duration.ofNanos(1))), "Z-LOAD-BUDGET");
        assertThat(load(many, LoadOptions.defaults()).servable()).isTrue();
    }
}
