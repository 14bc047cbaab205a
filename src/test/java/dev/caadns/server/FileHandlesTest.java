package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The open-files limit the start-up warning compares the connection caps with. */
class FileHandlesTest {
    @TempDir
    Path dir;

    @Test
    void theLimitIsTheOneAChildShellInherits() throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "ulimit -Sn").start();
        assertThat(shell.waitFor(10, TimeUnit.SECONDS)).isTrue();
        String soft = new String(shell.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        long expected = soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
        assertThat(FileHandles.limit(Path.of("/proc/self/limits"))).hasValue(expected);
    }

    @Test
    void unlimitedAndMissingTables() throws Exception {
        Path limits = dir.resolve("limits");
        Files.writeString(limits, """
                Limit                     Soft Limit           Hard Limit           Units
                Max processes             unlimited            unlimited            processes
                Max open files            unlimited            unlimited            files
                """);
        assertThat(FileHandles.limit(limits)).hasValue(Long.MAX_VALUE);
        assertThat(FileHandles.limit(dir.resolve("absent"))).isEmpty();
    }
}
