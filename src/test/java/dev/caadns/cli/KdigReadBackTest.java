package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.server.CaadnsServer;
import dev.caadns.testsupport.Command;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Knot's kdig, an independent decoder, reads CAA off our wire and prints exactly the presentation text
 * the zone file holds: caatestsuite's odd records (served in lab mode) and quoting/escaping cases.
 */
class KdigReadBackTest {
    /** {@code owner [IN] [ttl] CAA rest}: rest is the presentation text to compare. */
    private static final Pattern CAA_LINE = Pattern.compile("^(\\S+)\\s+(?:IN\\s+)?(?:\\d+\\s+)?CAA\\s+(.*?)\\s*$");

    @TempDir
    static Path zones;

    private static CaadnsServer server;

    @BeforeAll
    static void serve() throws Exception {
        Command.require("kdig", "knot-dnsutils");
        for (String suite : List.of("caatestsuite.com.zone", "ipv6only.caatestsuite.com.zone")) {
            try (InputStream in = KdigReadBackTest.class.getResourceAsStream("/caa/" + suite)) {
                Files.copy(in, zones.resolve(suite));
            }
        }
        Files.writeString(zones.resolve("quoted.test.zone"), """
                $ORIGIN quoted.test.
                $TTL 300
                @ SOA ns hostmaster 1 7200 3600 1209600 300
                @ NS ns
                ns A 127.0.0.1
                escapes CAA 0 issue "a\\"b\\\\c;\\010"
                iodef CAA 0 iodef "mailto:security@quoted.test"
                params CAA 128 issue "ca.example; accounturi=https://ca.example/acct/1; validationmethods=dns-01"
                """);
        server = TestServers.start(zones, true);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }


    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
        "empty.basic.caatestsuite.com.,          caatestsuite.com.zone",
        "deny.basic.caatestsuite.com.,           caatestsuite.com.zone",
        "uppercase-deny.basic.caatestsuite.com., caatestsuite.com.zone",
        "mixedcase-deny.basic.caatestsuite.com., caatestsuite.com.zone",
        "big.basic.caatestsuite.com.,            caatestsuite.com.zone",
        "critical1.basic.caatestsuite.com.,      caatestsuite.com.zone",
        "critical2.basic.caatestsuite.com.,      caatestsuite.com.zone",
        "deny-wild.basic.caatestsuite.com.,      caatestsuite.com.zone",
        "permit.basic.caatestsuite.com.,         caatestsuite.com.zone",
        "xss.caatestsuite.com.,                  caatestsuite.com.zone",
        "ipv6only.caatestsuite.com.,             ipv6only.caatestsuite.com.zone",
        "escapes.quoted.test.,                   quoted.test.zone",
        "iodef.quoted.test.,                     quoted.test.zone",
        "params.quoted.test.,                    quoted.test.zone",
    })
    void kdigPrintsWhatTheZoneFileHolds(String name, String file) throws Exception {
        List<String> expected = caaTextIn(file, name);
        assertThat(expected).as("the zone file has CAA at " + name).isNotEmpty();

        assertThat(kdig(name)).containsExactlyInAnyOrderElementsOf(expected);
    }

    /** The CAA presentation text the zone file gives for {@code name}, one entry per record. */
    private static List<String> caaTextIn(String file, String name) throws IOException {
        String origin = file.substring(0, file.length() - ".zone".length()) + ".";
        return Files.readAllLines(zones.resolve(file)).stream()
                .map(CAA_LINE::matcher).filter(Matcher::matches)
                .filter(m -> absolute(m.group(1), origin).equalsIgnoreCase(name))
                .map(m -> m.group(2)).toList();
    }

    private static String absolute(String owner, String origin) {
        return owner.equals("@") ? origin : owner.endsWith(".") ? owner : owner + "." + origin;
    }

    private static List<String> kdig(String name) throws IOException, InterruptedException {
        int port = server.udpAddresses().get(0).getPort();
        Process kdig = new ProcessBuilder("kdig", "@127.0.0.1", "-p", String.valueOf(port), "+short", name, "CAA")
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(kdig.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kdig.waitFor()).as("kdig exit status").isZero();
        return out.lines().map(String::trim).filter(line -> !line.isEmpty()).toList();
    }
}
