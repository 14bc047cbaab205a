package dev.caadns.testsupport;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a real client (dig, nsupdate, knsupdate, python3 with dnspython) once, bounded in time, and keeps its output. */
public final class Command {
    /** What the command printed (stdout and stderr together) and how it ended. */
    public record Result(int exitCode, String output) {
    }

    private Command() {
    }

    /**
     * Returns when the tool (a name on PATH, or a path) is installed. When it is not, the test
     * fails under {@code CI=true} (a referee that did not run is not a pass; {@code .ci/run}
     * installs them all) and is skipped elsewhere; both say which Debian package has it.
     */
    public static void require(String tool, String debianPackage) {
        require(tool, debianPackage, System.getenv());
    }

    static void require(String tool, String debianPackage, Map<String, String> env) {
        boolean found = tool.contains("/") ? Files.isExecutable(Path.of(tool))
                : List.of(env.getOrDefault("PATH", "").split(":")).stream()
                        .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
        if (found) {
            return;
        }
        String missing = tool + " is not installed (Debian: apt-get install " + debianPackage + ")";
        if ("true".equalsIgnoreCase(env.get("CI"))) {
            fail(missing + "; CI=true, so a test without its referee fails (.ci/run installs it)");
        }
        abort(missing + "; skipping (with CI=true this fails)");
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
