package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.CaadnsProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Name;

/** {@code caadns serve} as a real process: what SIGTERM, SIGINT and SIGHUP do to it, and its exit code. */
class StopAndReloadSignalsTest {
    private static final Name LAB = Name.fromConstantString("lab.test.");
    private static final Path ZONES = Path.of("zones").toAbsolutePath();
    private static final Duration STOP = Duration.ofSeconds(20);
    private static final Name SLOW = Name.fromConstantString("slow.test.");

    @TempDir
    Path work;

    @ParameterizedTest
    @ValueSource(strings = {"TERM", "INT"})
    void aStopSignalIsACleanStopWithExitZero(String signal) {
        try (CaadnsProcess caadns = CaadnsProcess.serve(work, "--zones", ZONES.toString())) {
            caadns.awaitAnswer(LAB);
            caadns.signal(signal);
            assertThat(caadns.awaitExit(STOP)).as(caadns.log()).isZero();
            assertThat(caadns.log()).contains("SIG" + signal + ": stopping", "stopped");
        }
    }

    /**
     * The zone file is a named pipe, so caadns is caught mid-start for as long as the test likes:
     * opening the pipe for writing returns once caadns opens it to read the zone.
     */
    @Test
    void sighupWhileStartingIsHeldUntilTheServerIsReadyThenReloads() throws Exception {
        Path pipe = work.resolve("slow.test.zone");
        new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start().waitFor();
        Files.writeString(work.resolve("caadns.conf"),
                "zones.files = [{ origin = \"slow.test.\", file = \"slow.test.zone\" }]\n");
        try (CaadnsProcess caadns = CaadnsProcess.serve(work, "--config", "caadns.conf")) {
            writeZone(pipe, caadns, 1); // blocks until caadns reads it: it is loading its zones
            // (the signal is sent while it still reads: the write returns once the pipe has the text)
            caadns.signal("HUP");
            caadns.awaitAnswer(SLOW);
            assertThat(caadns.log()).contains("SIGHUP while starting");
            writeZone(pipe, caadns, 2); // the held SIGHUP's reload reads the pipe again
            awaitLog(caadns, "serial 2");
            assertThat(caadns.isAlive()).isTrue();
            caadns.signal("TERM");
            assertThat(caadns.awaitExit(STOP)).as(caadns.log()).isZero();
        }
    }

    private static void writeZone(Path pipe, CaadnsProcess caadns, int serial) throws Exception {
        String zone = "$ORIGIN slow.test.\n$TTL 300\n@ SOA ns hostmaster " + serial
                + " 3600 600 86400 300\n@ NS ns\nns A 127.0.0.1\n";
        CompletableFuture<Void> written = CompletableFuture.runAsync(() -> {
            try {
                Files.writeString(pipe, zone);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        try {
            written.get(20, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("caadns never read its zone; log:\n" + caadns.log());
        }
    }

    private static void awaitLog(CaadnsProcess caadns, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!caadns.log().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(caadns.log()).contains(text);
    }

    @Test
    void sighupWhenReadyReloadsAndKeepsServing() throws InterruptedException {
        try (CaadnsProcess caadns = CaadnsProcess.serve(work, "--zones", ZONES.toString())) {
            caadns.awaitAnswer(LAB);
            caadns.signal("HUP");
            awaitLog(caadns, "SIGHUP: reloading zones");
            caadns.awaitAnswer(LAB);
            assertThat(caadns.isAlive()).isTrue();
            caadns.signal("TERM");
            assertThat(caadns.awaitExit(STOP)).as(caadns.log()).isZero();
        }
    }
}
