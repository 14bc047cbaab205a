package dev.caadns.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a real client (dig, nsupdate, knsupdate, python3 with dnspython) once, bounded in time, and keeps its output. */
public final class Command {
    /** What the command printed (stdout and stderr together) and how it ended. */
    public record Result(int exitCode, String output) {
    }

    private Command() {
    }

    /** Skips the test when the tool is not installed (with the Debian package that has it). */
    public static void require(String tool, String debianPackage) {
        boolean found = tool.contains("/") ? Files.isExecutable(Path.of(tool))
                : List.of(System.getenv().getOrDefault("PATH", "").split(":")).stream()
                        .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
        assumeTrue(found, tool + " is not installed (Debian: " + debianPackage + "); skipping");
    }

    /** Runs the command with {@code stdin} fed to it; kills it after {@code seconds}. */
    public static Result run(List<String> command, String stdin, int seconds) {
        try {
            Path out = Files.createTempFile("caadns-command", ".out");
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
                try (var in = p.getOutputStream()) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
                if (!p.waitFor(seconds, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                    return new Result(-1, Files.readString(out) + "\n(killed after " + seconds + " s)");
                }
                return new Result(p.exitValue(), Files.readString(out));
            } finally {
                Files.deleteIfExists(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + command, e);
        }
    }
}
