package dev.caadns.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.Secondary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * README's zone-transfer example as written: its caadns.conf, knot.conf and nsd.conf blocks, with free
 * ports and temp folders in place of 8053, 5301, 5302 and /tmp/knot, /tmp/nsd. Both secondaries get
 * lab.test. by TSIG-signed AXFR, then a CAA change through the API by TSIG-signed NOTIFY and IXFR.
 */
class ReadmeSecondariesTest {
    private static final Name ZONE = Name.fromConstantString("lab.test.");
    @TempDir
    Path dir;

    /** The fenced block of README.md whose first line is firstLine. */
    static String block(String firstLine) throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("\n" + firstLine + "\n");
        assertThat(start).as("README has a block starting %s", firstLine).isPositive();
        return readme.substring(start + 1, readme.indexOf("\n```", start) + 1);
    }

    @Test
    void theReadmeSecondariesPullFromTheReadmePrimary() throws Exception {
        Secondary knot = Secondary.of(Secondary.Kind.KNOT, Files.createDirectory(dir.resolve("knot")), ZONE, null);
        Secondary nsd = Secondary.of(Secondary.Kind.NSD, Files.createDirectory(dir.resolve("nsd")), ZONE, null);
        String primaryConfig = block("# caadns.conf: the hidden primary of a Knot and an NSD secondary")
                .replace("127.0.0.1:5301", "127.0.0.1:" + knot.port()).replace("127.0.0.1:5302", "127.0.0.1:" + nsd.port());
        try (ConfiguredServer primary = ConfiguredServer.lab(Files.createDirectory(dir.resolve("primary")), primaryConfig)) {
            String at = "127.0.0.1@" + primary.port();
            knot.startWith(block("# knot.conf: a secondary of caadns").replace("127.0.0.1@8053", at)
                    .replace("127.0.0.1@5301", "127.0.0.1@" + knot.port()).replace("/tmp/knot", dir.resolve("knot").toString()));
            nsd.startWith(block("# nsd.conf: a secondary of caadns").replace("127.0.0.1@8053", at)
                    .replace("127.0.0.1@5302", "127.0.0.1@" + nsd.port()).replace("/tmp/nsd", dir.resolve("nsd").toString()));
            try (knot; nsd) {
                var put = primary.http("PUT", "/api/v1/zones/lab.test./rrsets/www/CAA",
                        "{\"ttl\":300,\"records\":[\"0 issue \\\"readme.example\\\"\"]}");
                assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
                for (Secondary s : List.of(knot, nsd)) {
                    assertThat(awaitCaa(s, "www.lab.test.", "0 issue \"readme.example\""))
                            .as("%s takes the change; its log:%n%s", s.name(), s.logText()).isTrue();
                }
                assertThat(knot.logText()).contains("IXFR, incoming");
                assertThat(nsd.logText()).contains("TSIG verified with key xfr-key");
            }
        }
    }

    private static boolean awaitCaa(Secondary s, String name, String caa) throws InterruptedException {
        DnsTestClient client = new DnsTestClient();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            Message m = client.udp(s, Queries.query(3, Queries.name(name), Type.CAA));
            if (m.getSection(Section.ANSWER).stream().map(Record::rdataToString).anyMatch(caa::equals)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }
}
