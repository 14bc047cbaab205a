package dev.caadns.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.Command;
import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.Secondary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A 100,000-name zone (an A and a CAA at each name) transfers to Knot whole: Knot's own AXFR of its
 * copy holds every record, and sampled names answer as caadns answers them.
 */
class LargeZoneTransferTest {
    private static final int NAMES = 100_000;
    private static final Name ZONE = Name.fromConstantString("big.test.");
    @TempDir
    Path dir;

    @Test
    void aHundredThousandNamesReachKnotWhole() throws Exception {
        StringBuilder zone = new StringBuilder("$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\n"
                + "ns A 127.0.0.1\n");
        for (int i = 0; i < NAMES; i++) {
            zone.append('h').append(i).append(" A 10.").append(i >> 16 & 255).append('.').append(i >> 8 & 255)
                    .append('.').append(i & 255).append("\nh").append(i).append(" CAA 0 issue \"ca").append(i % 97)
                    .append(".example\"\n");
        }
        Secondary knot = Secondary.of(Secondary.Kind.KNOT, Files.createDirectory(dir.resolve("knot")), ZONE,
                SecondaryDifferentialTest.KEY);
        Path primaryDir = Files.createDirectory(dir.resolve("primary"));
        try (ConfiguredServer primary = ConfiguredServer.start(primaryDir, """
                tsig.keys = [{ name = "xfr-key", algorithm = "hmac-sha256", secret = "%s" }]
                transfer.allow = [{ key = "xfr-key", from = ["127.0.0.0/8"] }]
                """.formatted(SecondaryDifferentialTest.KEY.secret()),
                Map.of("big.test.zone", zone.toString()));
             Secondary secondary = knot.start(primary.udp())) {
            assertThat(secondary.awaitLog(l -> l.contains("AXFR, incoming") && l.contains("finished"),
                    java.time.Duration.ofSeconds(5))).as(secondary.logText()).isTrue();
            DnsTestClient client = new DnsTestClient();
            Random random = new Random(5);
            for (int i = 0; i < 200; i++) {
                Name name = Queries.name("h" + random.nextInt(NAMES) + ".big.test.");
                int type = i % 2 == 0 ? Type.A : Type.CAA;
                assertThat(rdata(client.udp(secondary, Queries.query(i, name, type))))
                        .isEqualTo(rdata(client.udp(SecondaryDifferentialTest.target(primary), Queries.query(i, name, type))))
                        .hasSize(1);
            }
            Command.require("kdig", "knot-dnsutils");
            // Knot's copy, read back by AXFR from Knot itself (its ACL lets 127.0.0.1 transfer)
            Command.Result copy = Command.run(java.util.List.of("kdig", "@127.0.0.1", "-p",
                    String.valueOf(secondary.port()), "big.test.", "AXFR", "+nocomments", "+nostats"), "", 120);
            long records = copy.output().lines().filter(l -> !l.isBlank() && !l.startsWith(";")).count();
            assertThat(records).as(copy.output().lines().limit(5).toList().toString()).isEqualTo(2L * NAMES + 3 + 1);
        }
    }

    private static java.util.List<String> rdata(Message m) {
        return m.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    }
}
