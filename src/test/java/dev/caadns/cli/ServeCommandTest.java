package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.config.Settings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServeCommandTest {

    private static final int SERVER_EXIT = 7;

    @TempDir
    Path dir;

    private final List<Settings> started = new ArrayList<>();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int serve(String... args) {
        CommandLine cli = new CommandLine(new ServeCommand(settings -> {
            started.add(settings);
            return SERVER_EXIT;
        }));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void flagsBecomeSettingsAndTheServersExitCodeIsReturned() {
        int exit = serve("--listen", "127.0.0.1:0", "--listen", "[::1]:0", "--workers", "3", "--zones", "some/dir");

        assertThat(exit).isEqualTo(SERVER_EXIT);
        assertThat(started).singleElement().satisfies(s -> {
            assertThat(s.listen()).containsExactly(new InetSocketAddress("127.0.0.1", 0),
                    new InetSocketAddress("::1", 0));
            assertThat(s.workers()).isEqualTo(3);
            assertThat(s.zonesDirectory()).isEqualTo(Path.of("some/dir"));
            assertThat(s.configFile()).isEmpty();
        });
    }

    @Test
    void flagsOverrideTheConfigFile() throws IOException {
        Path config = Files.writeString(dir.resolve("caadns.conf"), """
                workers = 2
                edns.udp-size = 4096
                zones.files = [{ file = "only.zone" }]
                """);

        serve("--config", config.toString(), "--workers", "5", "--zones", "elsewhere");

        assertThat(started).singleElement().satisfies(s -> {
            assertThat(s.configFile()).contains(config);
            assertThat(s.workers()).isEqualTo(5);
            assertThat(s.ednsUdpSize()).isEqualTo(4096);
            assertThat(s.zonesDirectory()).isEqualTo(Path.of("elsewhere"));
            assertThat(s.zoneFiles()).as("--zones serves the folder instead of the listed files").isEmpty();
        });
    }

    @Test
    void badConfigExitsTwoWithTheMessageOnStderr() throws IOException {
        Path config = Files.writeString(dir.resolve("caadns.conf"), "edns {\n  udp-size = \"big\"\n}\n");

        int exit = serve("--config", config.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(started).isEmpty();
        assertThat(err.toString()).isEqualTo(
                config + ":2: edns.udp-size: expected a number from 512 to 65535, got \"big\"" + System.lineSeparator());
    }

    @Test
    void badListenFlagExitsTwo() {
        assertThat(serve("--listen", "localhost:53")).isEqualTo(2);
        assertThat(started).isEmpty();
        assertThat(err.toString()).startsWith("command line: listen: bad address \"localhost:53\"");
    }

    @Test
    void malformedFlagIsAUsageError() {
        assertThat(serve("--workers", "many")).isEqualTo(2);
        assertThat(started).isEmpty();
        assertThat(err.toString()).contains("--workers");
    }

    @Test
    void helpListsTheOptionsAndExitsZero() {
        assertThat(serve("--help")).isZero();
        assertThat(started).isEmpty();
        assertThat(out.toString()).contains("--config", "--zones", "--listen", "--workers");
    }
}
