package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.config.Settings;
import dev.caadns.config.SettingsLoader;
import dev.caadns.server.CaadnsServer;
import dev.caadns.testsupport.Command;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's transcripts, run as written and compared with the output README shows, so README cannot
 * drift from the program. A block is run when the line before it is a marker:
 * <ul>
 * <li>{@code <!-- readme-test -->} before a block of {@code $ command} lines, each followed by the
 *     output it prints (stdout and stderr, as a terminal shows them). A line {@code ...} stands for
 *     any lines. Commands run in bash in a copy of caadns.conf, zones/, templates/ and tsig/;
 *     {@code ./caadns} is the real launcher on the test build's classes, {@code dig ... -p 8053}
 *     asks a caadns serving the example config there (on a free port), and a DNS message ID
 *     ({@code id: 58045}) matches any ID.</li>
 * <li>{@code <!-- readme-test: excerpt -->} is the same for an excerpt: each command's lines must
 *     come out in that order, with any lines between them.</li>
 * <li>{@code <!-- readme-test: append FILE TEXT -->} is the same, with the line TEXT appended to
 *     FILE of the copy first (README says so in words next to it).</li>
 * <li>{@code <!-- readme-test: file -->} before a block whose first line is {@code # NAME}: the block is
 *     written to NAME in the copy, for the transcripts after it.</li>
 * </ul>
 * Sections without markers are left to their own tests.
 */
class ReadmeTranscriptTest {
    private static final Path README = Path.of("README.md");
    private static final Pattern MARKER = Pattern.compile("<!-- readme-test(?:: (file|excerpt|append (\\S+) (.+)))? -->");
    private static final Pattern MESSAGE_ID = Pattern.compile("id: \\d+");
    private static final int COMMAND_SECONDS = 120;

    private static CaadnsServer server;

    /** A marked block: its kind, where it starts in README, its lines. */
    record Block(String kind, String appendFile, String appendLine, int line, List<String> lines) {
    }

    @BeforeAll
    static void serveTheExampleConfig() throws Exception {
        Settings settings = SettingsLoader.load(Optional.of(Path.of("caadns.conf")), Map.of(
                "listen", List.of("127.0.0.1:0"), "workers", 1, "management.listen", ""));
        server = CaadnsServer.start(settings, Plugins.forSettings(settings));
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void readmeMarksTheExamplesWhoseOutputItShows() throws IOException {
        List<String> commands = blocks().stream().filter(b -> !b.kind().equals("file"))
                .flatMap(b -> b.lines().stream()).filter(l -> l.startsWith("$ ")).toList();
        assertThat(commands).anyMatch(c -> c.startsWith("$ ./caadns check "))
                .anyMatch(c -> c.startsWith("$ ./caadns explain "))
                .anyMatch(c -> c.startsWith("$ dig @127.0.0.1 -p 8053 "))
                .anyMatch(c -> c.startsWith("$ ./caadns check --config broken.conf"));
    }

    @Test
    void theZonesFilesValueInTheKeyTableIsTheOneTested() throws IOException {
        String tested = blocks().stream().filter(b -> b.kind().equals("file"))
                .flatMap(b -> b.lines().stream()).filter(l -> l.startsWith("zones.files = "))
                .findFirst().orElseThrow().substring("zones.files = ".length());
        assertThat(Files.readAllLines(README)).filteredOn(l -> l.startsWith("| `zones.files` |"))
                .singleElement().asString().contains("`" + tested + "`");
    }

    @TestFactory
    Stream<DynamicTest> everyMarkedTranscriptPrintsWhatReadmeShows(@TempDir Path work) throws IOException {
        List<Block> blocks = blocks();
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block.kind().equals("file")) {
                continue;
            }
            List<Block> files = blocks.subList(0, i).stream().filter(b -> b.kind().equals("file")).toList();
            Path dir = work.resolve("README.md-" + block.line());
            tests.add(DynamicTest.dynamicTest("README.md:" + block.line(), () -> run(block, files, dir)));
        }
        return tests.stream();
    }

    private static void run(Block block, List<Block> files, Path dir) throws IOException, InterruptedException {
        copyExample(dir);
        for (Block file : files) {
            String name = file.lines().get(0).substring(2).strip();
            Files.writeString(dir.resolve(name), String.join("\n", file.lines()) + "\n");
        }
        if (block.appendFile() != null) {
            Files.writeString(dir.resolve(block.appendFile()), block.appendLine() + "\n", StandardOpenOption.APPEND);
        }
        Files.copy(Path.of("caadns"), dir.resolve("caadns"));
        dir.resolve("caadns").toFile().setExecutable(true);
        int exit = 0;
        List<String> lines = block.lines();
        for (int at = 0; at < lines.size(); ) {
            String command = lines.get(at).substring(2);
            int next = at + 1;
            while (next < lines.size() && !lines.get(next).startsWith("$ ")) {
                next++;
            }
            List<String> expected = lines.subList(at + 1, next);
            String actual = command.equals("echo $?") ? exit + "\n" : null;
            if (command.startsWith("dig ")) {
                Command.require("dig", "bind9-dnsutils");
            }
            if (actual == null) {
                Command.Result result = shell(dir, command);
                exit = result.exitCode();
                actual = result.output();
            }
            assertThat(normalized(actual)).as("README.md:%d: output of %s", block.line() + at + 1, command)
                    .matches(pattern(expected, block.kind().equals("excerpt")));
            at = next;
        }
    }

    private static Command.Result shell(Path dir, String command) throws IOException, InterruptedException {
        String withPort = command.replace(" -p 8053 ", " -p " + server.udpAddresses().get(0).getPort() + " ");
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", withPort).directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().put("CAADNS_TEST_CLASSPATH", System.getProperty("java.class.path"));
        Path out = dir.resolve(".output");
        builder.redirectOutput(out.toFile());
        Process process = builder.start();
        if (!process.waitFor(COMMAND_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new AssertionError(command + " did not finish in " + COMMAND_SECONDS + " s");
        }
        return new Command.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    /** The expected lines as one pattern: each line literally, "..." any lines, message IDs any ID. */
    private static String pattern(List<String> expected, boolean excerpt) {
        String anyLines = "(?:[^\\n]*\\n)*?";
        StringBuilder regex = new StringBuilder();
        for (String line : expected) {
            regex.append(line.equals("...") ? anyLines : Pattern.quote(anyId(line)) + "\\n");
            if (excerpt) {
                regex.append(anyLines);
            }
        }
        return regex.toString();
    }

    /** The output with every message ID alike, ending in a newline. */
    private static String normalized(String text) {
        String ids = anyId(text);
        return ids.endsWith("\n") || ids.isEmpty() ? ids : ids + "\n";
    }

    private static String anyId(String text) {
        return MESSAGE_ID.matcher(text).replaceAll("id: N");
    }

    private static void copyExample(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.copy(Path.of("caadns.conf"), dir.resolve("caadns.conf"));
        for (String folder : List.of("zones", "templates", "tsig")) {
            try (Stream<Path> files = Files.walk(Path.of(folder))) {
                for (Path file : files.sorted(Comparator.naturalOrder()).toList()) {
                    Path target = dir.resolve(file.toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                }
            }
        }
    }

    /** Every marked fenced block of README, in order. */
    static List<Block> blocks() throws IOException {
        List<String> readme = Files.readAllLines(README);
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < readme.size(); i++) {
            Matcher marker = MARKER.matcher(readme.get(i).strip());
            if (!marker.matches()) {
                continue;
            }
            int open = i + 1;
            if (open >= readme.size() || !readme.get(open).startsWith("```")) {
                throw new IllegalStateException("README.md:" + (i + 1) + ": a readme-test marker must be"
                        + " followed by a fenced block");
            }
            int close = open + 1;
            while (close < readme.size() && !readme.get(close).startsWith("```")) {
                close++;
            }
            String kind = marker.group(1) == null || marker.group(1).startsWith("append") ? "transcript"
                    : marker.group(1);
            blocks.add(new Block(kind, marker.group(2), marker.group(3), open + 2,
                    List.copyOf(readme.subList(open + 1, close))));
            i = close;
        }
        return blocks;
    }
}
