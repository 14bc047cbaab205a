package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/** Splitting a zone file as it is read gives the entries that splitting its whole text gives. */
class EntryReaderTest {

    private static final String[] SHAPES = {
        "h%d A 10.0.0.%d",
        " CAA 0 issue \"ca.example.net; account=%d%d\"",
        "h%d TXT \"a;b\" ; comment %d",
        "h%d SOA ns hostmaster (\n  %d 7200 ; serial\n  3600 1209600 300 )",
        "h%d TXT \"open quote %d",
        "h%d TXT a\\059b\\\n%d",
        "; only a comment %d %d",
        "",
        "   \t",
        "h%d MX 10 mail%d\r",
        "$TTL %d%d",
        "h%d TXT ( \"x\"\n\n \"%d\" )",
    };

    @TempDir
    Path dir;

    @Test
    void streamedTextSplitsAsTheWholeText() throws IOException {
        Random random = new Random(11);
        for (int zone = 0; zone < 60; zone++) {
            StringBuilder text = new StringBuilder();
            int entries = 20 + random.nextInt(400);
            for (int i = 0; i < entries; i++) {
                text.append(String.format(SHAPES[random.nextInt(SHAPES.length)], i, random.nextInt(1000)));
                if (random.nextInt(40) == 0) {
                    text.append(" ").append("x".repeat(random.nextInt(3000))); // longer than a small window
                }
                text.append(random.nextInt(30) == 0 ? "\r\n" : "\n");
            }
            if (random.nextBoolean()) {
                text.setLength(text.length() - 1); // no newline at the end
            }
            if (random.nextInt(10) == 0) {
                text.append("h1 A ( 10.0.0.1"); // never closed
            }
            assertSplitsAlike(text.toString().getBytes(StandardCharsets.ISO_8859_1), random);
        }
    }

    @Test
    void fixtureZonesSplitAlike() throws IOException {
        Random random = new Random(3);
        try (Stream<Path> files = Files.walk(Fixtures.path("plain").getParent())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".zone")).toList()) {
                assertSplitsAlike(Files.readAllBytes(file), random);
            }
        }
    }

    /** A file over the 1 MiB window: its records and their lines as in the file. */
    @Test
    void largeZoneFileIsReadAcrossWindows() throws IOException {
        StringBuilder text = new StringBuilder("$TTL 300\n");
        int names = 60_000;
        for (int i = 0; i < names; i++) {
            text.append("h").append(i).append(" A 10.0.").append(i / 256 % 256).append('.').append(i % 256).append('\n');
            text.append(" CAA 0 issue \"ca").append(i).append(".example.net\"\n");
        }
        Path file = dir.resolve("big.test.zone");
        Files.writeString(file, text, StandardCharsets.ISO_8859_1);
        assertThat(Files.size(file)).isGreaterThan(2L << 20);

        Name origin = Fixtures.name("big.test.");
        RecordStore store = MasterFileParser.parse(file, origin, origin, LoadOptions.defaults()).store();

        assertThat(store.size()).isEqualTo(2 * names);
        assertThat(store.nodeCount()).isEqualTo(names);
        for (int i = 0; i < names; i += 997) {
            assertThat(store.ownerName(2 * i).toString()).isEqualTo("h" + i + ".big.test.");
            assertThat(store.line(2 * i)).isEqualTo(2 + 2 * i);
            assertThat(store.line(2 * i + 1)).isEqualTo(3 + 2 * i);
            assertThat(store.record(2 * i + 1).rdataToString()).isEqualTo("0 issue \"ca" + i + ".example.net\"");
        }
    }

    private static void assertSplitsAlike(byte[] text, Random random) throws IOException {
        Recorder whole = new Recorder();
        EntryReader.split("z.zone", text, whole);
        // a small window, and reads of a few bytes each, so lines and entries straddle every boundary
        Recorder streamed = new Recorder();
        try (ZoneText in = ZoneText.streamed(new Trickle(text, random), 1 + random.nextInt(64), Long.MAX_VALUE,
                () -> {
                })) {
            EntryReader.split("z.zone", in, streamed);
        }
        assertThat(streamed.events).isEqualTo(whole.events);
    }

    /** Takes half the one-line entries (by their text), so both the fast and the slow path are seen. */
    private static final class Recorder implements EntryReader.Entries {
        final List<String> events = new ArrayList<>();

        @Override
        public boolean line(byte[] text, int from, int to, int line, String comment, boolean ownerOmitted) {
            String entry = new String(text, from, to - from, StandardCharsets.ISO_8859_1);
            boolean take = (entry.hashCode() & 1) == 0;
            if (take) {
                events.add("line " + line + " [" + entry + "] ;" + comment + " " + ownerOmitted);
            }
            return take;
        }

        @Override
        public void entry(Entry entry) {
            events.add(entry.toString());
        }

        @Override
        public void unreadable(EntryReader.SplitException error) {
            events.add("unreadable " + error.line + " " + error.getMessage() + " " + error.ownerWord);
        }
    }

    /** A channel that hands over 0 to 9 bytes a read. */
    private static final class Trickle implements ReadableByteChannel {
        private final byte[] text;
        private final Random random;
        private int at;
        private boolean open = true;

        Trickle(byte[] text, Random random) {
            this.text = text;
            this.random = random;
        }

        @Override
        public int read(ByteBuffer dst) {
            if (at == text.length) {
                return -1;
            }
            int n = Math.min(Math.min(random.nextInt(10), dst.remaining()), text.length - at);
            dst.put(text, at, n);
            at += n;
            return n;
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void close() {
            open = false;
        }
    }
}
