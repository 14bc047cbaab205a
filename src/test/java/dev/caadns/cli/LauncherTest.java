package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.epoll.Epoll;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code ./caadns} launcher in a checkout of its own, where {@code java} is a stand-in that
 * prints its arguments: with a stale jar it runs the real {@code mvn} (on a project with nothing to
 * build), and what the user sees while it builds, and what a SIGHUP then does; with a fresh one,
 * what it takes out of the jar for Netty.
 */
class LauncherTest {
    private static final String EPOLL = "libnetty_transport_native_epoll_x86_64.so";

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

    @Test
    void nettysLibraryIsTakenOutOfTheJarOnceAndGivenAsTheLibraryPathEvenWithASpaceInIt() throws Exception {
        Path checkout = Files.createDirectories(root.resolve("check out"));
        Path launcher = checkout.resolve("caadns");
        Files.copy(Path.of("caadns"), launcher);
        executable(launcher);
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        Files.createDirectories(checkout.resolve("src"));
        Files.setLastModifiedTime(checkout.resolve("pom.xml"), FileTime.from(Instant.now().minusSeconds(3600)));
        Files.setLastModifiedTime(checkout.resolve("src"), FileTime.from(Instant.now().minusSeconds(3600)));
        byte[] library = "an ELF file".getBytes(StandardCharsets.US_ASCII);
        try (JarOutputStream jar = new JarOutputStream(
                Files.newOutputStream(Files.createDirectories(checkout.resolve("target")).resolve("caadns.jar")))) {
            jar.putNextEntry(new JarEntry("META-INF/native/" + EPOLL));
            jar.write(library);
            jar.closeEntry();
        }
        Path bin = Files.createDirectories(root.resolve("bin"));
        Files.writeString(bin.resolve("java"), "#!/bin/sh\nfor a in \"$@\"; do echo \"java arg: $a\"; done\n");
        executable(bin.resolve("java"));
        Files.createSymbolicLink(bin.resolve("jar"), Path.of(System.getProperty("java.home"), "bin", "jar"));
        Path extracted = checkout.resolve("target/native").resolve(EPOLL);
        String libraryPath = "java arg: -Djava.library.path=" + checkout.resolve("target/native");

        String first = runLauncher(launcher, bin);
        Object made = Files.readAttributes(extracted, BasicFileAttributes.class).fileKey();
        String second = runLauncher(launcher, bin);

        assertThat(extracted).hasBinaryContent(library);
        assertThat(first.lines()).contains(libraryPath, "java arg: --version");
        assertThat(second.lines()).contains(libraryPath);
        assertThat(Files.readAttributes(extracted, BasicFileAttributes.class).fileKey())
                .as("taken out once per build").isEqualTo(made);
    }

    /** Netty, given that folder, maps the library from it: no copy in the temp folder. */
    @Test
    void nettyLoadsItsLibraryFromTheLibraryPath() throws Exception {
        Path folder = Files.createDirectories(root.resolve("native"));
        try (InputStream in = Epoll.class.getResourceAsStream("/META-INF/native/" + EPOLL)) {
            assertThat(in).as("the epoll library in Netty's jar").isNotNull();
            Files.copy(in, folder.resolve(EPOLL));
        }
        Path temp = Files.createDirectories(root.resolve("tmp"));
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.library.path=" + folder, "-Djava.io.tmpdir=" + temp,
                "-Dio.netty.native.deleteLibAfterLoading=false", "-cp", System.getProperty("java.class.path"),
                EpollMaps.class.getName()).redirectErrorStream(true).start();
        String printed = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(printed).as(printed).contains("available", folder.resolve(EPOLL).toString());
        try (var left = Files.list(temp)) {
            assertThat(left).as("copies in the temp folder").isEmpty();
        }
    }

    /** Prints whether epoll is available and the lines of this process's memory map that name Netty's library. */
    static final class EpollMaps {
        public static void main(String[] args) throws IOException {
            System.out.println(Epoll.isAvailable() ? "available" : "unavailable: " + Epoll.unavailabilityCause());
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                if (line.contains("netty")) {
                    System.out.println(line);
                }
            }
        }
    }

    private String runLauncher(Path launcher, Path bin) throws Exception {
        Path out = root.resolve("out.txt");
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), "--version")
                .directory(launcher.getParent().toFile()).redirectErrorStream(true).redirectOutput(out.toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        try {
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        String printed = Files.readString(out);
        assertThat(process.exitValue()).as(printed).isZero();
        return printed;
    }

    private static void executable(Path file) throws IOException {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
