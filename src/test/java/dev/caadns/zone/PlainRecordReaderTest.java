package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;

/** The fast path must give exactly what dnsjava's tokenizer gives: records, places, findings. */
class PlainRecordReaderTest {

    private static final Name ORIGIN = Fixtures.name("varied.test.");

    @TempDir
    Path dir;

    @Test
    void variedZoneParsesAlikeBothWays() throws IOException {
        MasterFileParser.Result fast = parse(Fixtures.path("plain/varied.test.zone"), true);

        assertSameAsTokenizer(fast, Fixtures.path("plain/varied.test.zone"));
        assertThat(fast.records()).hasSizeGreaterThan(50);
        assertThat(fast.findings()).hasSizeGreaterThan(10);
    }

    @Test
    void generatedEntriesParseAlikeBothWays() throws IOException {
        Random random = new Random(5);
        for (int zone = 0; zone < 40; zone++) {
            StringBuilder text = new StringBuilder("$TTL 300\n");
            for (int i = 0; i < 200; i++) {
                text.append(EntryGenerator.entry(random)).append('\n');
            }
            Path file = dir.resolve("z" + zone + ".zone");
            Files.writeString(file, text, StandardCharsets.ISO_8859_1);

            assertSameAsTokenizer(parse(file, true), file);
        }
    }

    private static void assertSameAsTokenizer(MasterFileParser.Result fast, Path file)
            throws IOException {
        MasterFileParser.Result slow = parse(file, false);
        assertThat(fast.origin()).isEqualTo(slow.origin());
        assertThat(fast.findings()).isEqualTo(slow.findings());
        assertThat(fast.records()).hasSameSizeAs(slow.records());
        for (int i = 0; i < slow.records().size(); i++) {
            SourcedRecord f = fast.records().get(i);
            SourcedRecord s = slow.records().get(i);
            String where = s.file() + ":" + s.line() + " " + s.record();
            assertThat(f.record()).as(where).isEqualTo(s.record());
            assertThat(f.record().getClass()).as(where).isEqualTo(s.record().getClass());
            assertThat(f.record().toWire(Section.ANSWER)).as(where)
                    .isEqualTo(s.record().toWire(Section.ANSWER));
            assertThat(f.record().getTTL()).as(where).isEqualTo(s.record().getTTL());
            assertThat(List.of(f.file(), f.line(), f.comment())).as(where)
                    .isEqualTo(List.of(s.file(), s.line(), s.comment()));
        }
    }

    private static MasterFileParser.Result parse(Path file, boolean plainPath) throws IOException {
        return MasterFileParser.parse(file, ORIGIN, ORIGIN, LoadOptions.defaults(), plainPath);
    }

    /** Random entries of the shapes the fast path reads, with near misses mixed in. */
    private static final class EntryGenerator {
        private static final String[] TYPES = {"A", "a", "AAAA", "NS", "CNAME", "PTR", "MX", "TXT",
            "CAA", "caa", "SOA", "SRV", "TYPE1"};
        private static final String CHARS = "abcXYZ09-_.*;()\" \t\\@$";

        static String entry(Random r) {
            StringBuilder e = new StringBuilder();
            e.append(r.nextInt(8) == 0 ? " " : owner(r));
            String type = pick(r, TYPES);
            List<String> header = new java.util.ArrayList<>();
            if (r.nextBoolean()) {
                header.add(r.nextInt(10) == 0 ? "CH" : pick(r, new String[] {"IN", "in"}));
            }
            if (r.nextBoolean()) {
                header.add(r.nextInt(5) == 0 ? (r.nextBoolean() ? "1h" : "4294967296")
                        : Long.toString(r.nextInt(1 << 20)));
            }
            if (r.nextBoolean()) {
                java.util.Collections.reverse(header);
            }
            header.forEach(h -> e.append(' ').append(h));
            e.append(' ').append(type);
            for (String word : rdata(r, type.toUpperCase(java.util.Locale.ROOT))) {
                e.append(r.nextInt(10) == 0 ? "\t" : " ").append(word);
            }
            if (r.nextInt(5) == 0) {
                e.append(" ; note ").append(r.nextInt(100));
            }
            return e.toString();
        }

        private static List<String> rdata(Random r, String type) {
            List<String> words = switch (type) {
                case "A" -> List.of(ipv4(r));
                case "AAAA" -> List.of(pick(r, new String[] {"2001:db8::1", "::1", "::ffff:1.2.3.4",
                    "2001:DB8:0:0:0:0:0:" + r.nextInt(99999), "fe80::" + ipv4(r)}));
                case "NS", "CNAME", "PTR" -> List.of(name(r));
                case "MX" -> List.of(number(r, 65536), name(r));
                case "TXT" -> java.util.stream.IntStream.range(0, r.nextInt(4))
                        .mapToObj(i -> string(r)).toList();
                case "CAA" -> List.of(number(r, 256), pick(r, new String[] {"issue", "issuewild",
                    "iodef", "\"issue\"", "tbs", "x-y"}), string(r));
                case "SOA" -> List.of(name(r), name(r), number(r, 1L << 32), number(r, 1L << 32),
                        number(r, 9999), number(r, 9999), number(r, 9999));
                default -> List.of(number(r, 9), number(r, 9), number(r, 99), name(r));
            };
            if (r.nextInt(12) == 0 && !words.isEmpty()) {
                return r.nextBoolean() ? words.subList(0, words.size() - 1)
                        : java.util.stream.Stream.concat(words.stream(), java.util.stream.Stream.of("extra")).toList();
            }
            return words;
        }

        private static String owner(Random r) {
            return switch (r.nextInt(6)) {
                case 0 -> "@";
                case 1 -> "*";
                case 2 -> "H" + r.nextInt(5) + ".Varied.Test.";
                default -> "h" + r.nextInt(5);
            };
        }

        private static String name(Random r) {
            return switch (r.nextInt(8)) {
                case 0 -> "@";
                case 1 -> "ns." + r.nextInt(3) + ".example.";
                case 2 -> "Mail" + r.nextInt(3);
                case 3 -> "a..b";
                case 4 -> "\"quoted\"";
                default -> "t" + r.nextInt(5);
            };
        }

        private static String ipv4(Random r) {
            return (r.nextInt(20) == 0 ? 256 : r.nextInt(256)) + "." + r.nextInt(256) + "."
                    + (r.nextInt(20) == 0 ? "00" : "") + r.nextInt(256) + "." + r.nextInt(256);
        }

        private static String number(Random r, long bound) {
            long n = r.nextInt(10) == 0 ? bound - 1 + r.nextInt(2) : (long) (r.nextDouble() * bound);
            return (r.nextInt(10) == 0 ? "0" : "") + n;
        }

        /** Quoted or not, sometimes with characters only the tokenizer handles. */
        private static String string(Random r) {
            StringBuilder s = new StringBuilder();
            int length = r.nextInt(30) == 0 ? 250 + r.nextInt(10) : r.nextInt(12);
            for (int i = 0; i < length; i++) {
                s.append(r.nextInt(6) == 0 ? CHARS.charAt(r.nextInt(CHARS.length()))
                        : (char) ('a' + r.nextInt(26)));
            }
            String body = s.toString().replace("\"", "").replace("\\", "");
            if (r.nextInt(15) == 0) {
                body = body + (r.nextBoolean() ? "\\\"" : "\\059");
            }
            return r.nextInt(4) == 0 && !body.isEmpty() && body.chars().noneMatch(c -> " \t;()\"".indexOf(c) >= 0)
                    ? body : "\"" + body + "\"";
        }

        private static String pick(Random r, String[] options) {
            return options[r.nextInt(options.length)];
        }
    }
}
