package dev.caadns.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.caadns.caa.CaaPlugin;
import dev.caadns.zone.LoadOptions;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.ZoneLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.xbill.DNS.Name;

/**
 * Any bytes as a zone file, read with the CAA checks and small budgets: the loader never throws,
 * and a zone it would serve gets an index.
 */
class ZoneFileFuzzTest {
    private static final Name ORIGIN = Name.fromConstantString("fuzz.test.");
    private static Path dir;
    private static ZoneLoader loader;

    @BeforeAll
    static void setUp() throws IOException {
        dir = Files.createTempDirectory("caadns-zone-fuzz");
        loader = new ZoneLoader(new LoadOptions(2, 256, 16, 1 << 20, 1024, 10_000, Duration.ofSeconds(5)),
                new CaaPlugin(false).validators());
    }

    @AfterAll
    static void tearDown() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @FuzzTest(maxDuration = "5s")
    void anyTextLoadsOrSaysWhatIsWrong(byte[] text) throws IOException {
        Path file = dir.resolve("fuzz.test.zone");
        Files.write(file, text);
        LoadedZone zone = loader.load(file, ORIGIN);
        if (zone.servable()) {
            assertThat(zone.index()).isNotNull();
            assertThat(zone.index().recordCount()).isPositive();
        }
    }
}
