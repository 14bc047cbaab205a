package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./caadns} launcher in a checkout of its own whose jar is stale, so it runs the real
 * {@code mvn} (on a project with nothing to build) and then {@code java}, which here is a stand-in
 * that prints its arguments: what the user sees while it builds, and what a SIGHUP then does.
 */
class LauncherTest {
    @TempDir
    Path root;

    @Test
    void buildPrintsNoColourCodesAndAHangupWhileBuildingDoesNotStopIt() throws Exception {
        Path launcher = root.resolve("caadns");
        Files.copy(Path.of("caadns"), launcher);
        executable(launcher);
        Files.writeString(root.resolve("pom.xml"), """
                <project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
                <groupId>t</groupId><artifactId>t</artifactId><version>1</version><packaging>pom</packaging>
                </project>
                """);
        Files.createDirectories(root.resolve("src"));
        Path jar = Files.createDirectories(root.resolve("target")).resolve("caadns.jar");
        Files.writeString(jar, "stale");
        Files.setLastModifiedTime(jar, FileTime.from(Instant.now().minusSeconds(3600)));
        Path java = Files.createDirectories(root.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\necho \"java ran: $*\"\n");
        executable(java);
        Path out = root.resolve("out.txt");

        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--version")
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("PATH", root.resolve("bin") + ":" + System.getenv("PATH"));
        builder.environment().put("JAVA_HOME", System.getProperty("java.home")); // mvn's own java
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!Files.readString(out).contains("building") && process.isAlive()
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            new ProcessBuilder("kill", "-s", "HUP", String.valueOf(process.pid())).start().waitFor();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }

        String printed = Files.readString(out);
        assertThat(process.exitValue()).as(printed).isZero();
        assertThat(printed).contains("caadns: building", "java ran: ", "--version")
                .doesNotContain("\u001b");
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
