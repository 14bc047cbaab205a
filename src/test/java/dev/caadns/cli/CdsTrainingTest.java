package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The training run the launcher makes its class-data archive with: it serves the example config,
 * gets answers over UDP and TCP, waits for the rest of the start, asks the management API, and exits 0; the classes it listed are dumped into a static archive
 * as ./caadns does, and a JVM started with the archive then takes caadns's and its libraries'
 * classes from it instead of the class path, picocli's (compiled for Java 5) among them.
 */
class CdsTrainingTest {
    @TempDir
    Path dir;

    private static Process java(Path output, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-XX:+UseSerialGC");
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    /** The class path as jars only, as CDS wants it: target/classes packed into one. */
    private String jarClassPath() throws Exception {
        List<String> entries = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path path = Path.of(entry);
            if (!Files.isDirectory(path)) {
                entries.add(entry);
            } else if (path.endsWith("classes")) {
                entries.add(0, jar(path).toString());
            }
        }
        return String.join(java.io.File.pathSeparator, entries);
    }

    private Path jar(Path classes) throws Exception {
        Path jar = dir.resolve("caadns.jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             var files = Files.walk(classes)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(file).toString()));
                Files.copy(file, out);
                out.closeEntry();
            }
        }
        return jar;
    }

    @Test
    void trainingServesAndTheArchiveIsThenUsed() throws Exception {
        String classPath = jarClassPath();
        Path classes = dir.resolve("caadns.classes");
        Path trainingLog = dir.resolve("training.log");
        Process training = java(trainingLog, "-XX:DumpLoadedClassList=" + classes, "-cp", classPath,
                CdsTraining.class.getName(), "caadns.conf");
        assertThat(training.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(training.exitValue()).as(Files.readString(trainingLog)).isZero();
        assertThat(Files.readAllLines(classes)).as("classes the start loads after the first answers")
                .anyMatch(l -> l.startsWith("dev/caadns/transfer/Notifier"))
                .anyMatch(l -> l.startsWith("dev/caadns/admin/Router"))
                .anyMatch(l -> l.startsWith("com/fasterxml/jackson/databind/ObjectMapper"));
        Path archive = dir.resolve("caadns.jsa");
        Path dumpLog = dir.resolve("dump.log");
        Process dump = java(dumpLog, "-Xshare:dump", "-XX:SharedClassListFile=" + classes,
                "-XX:SharedArchiveFile=" + archive, "-cp", classPath);
        assertThat(dump.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(dump.exitValue()).as(Files.readString(dumpLog)).isZero();
        assertThat(archive).isNotEmptyFile();

        Path runLog = dir.resolve("run.log");
        Process run = java(runLog, "-XX:SharedArchiveFile=" + archive, "-Xshare:on",
                "-Xlog:class+load=info", "-cp", classPath, Main.class.getName(), "check", "--config",
                "caadns.conf");
        assertThat(run.waitFor(120, TimeUnit.SECONDS)).isTrue();
        List<String> loaded = Files.readAllLines(runLog);
        assertThat(loaded).as("caadns classes from the archive")
                .anyMatch(l -> l.contains("dev.caadns.zone.ZoneLoader source: shared objects file"))
                .anyMatch(l -> l.contains("org.xbill.DNS.Name source: shared objects file"))
                .anyMatch(l -> l.contains("picocli.CommandLine source: shared objects file"));
        assertThat(run.exitValue()).isZero();
    }
}
