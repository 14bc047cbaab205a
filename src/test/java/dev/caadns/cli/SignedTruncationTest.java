package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * An RRset that fits a UDP reply alone but not with its RRSIG is left out together with it and TC
 * set (NSD's rule), never sent without its signature; over TCP both come whole.
 */
class SignedTruncationTest {
    @Test
    void anRrsetAndItsRrsigsStayTogether(@TempDir Path dir) throws Exception {
        Path zones = Files.createDirectories(dir.resolve("zones"));
        StringBuilder zone = new StringBuilder(SignedLab.LAB);
        for (int i = 0; i < 10; i++) {
            zone.append("tight CAA 0 issue \"ca").append(i).append(".example; a=").append("x".repeat(80)).append("\"\n");
        }
        Files.writeString(zones.resolve("lab.test.zone"), zone.toString());
        Path config = dir.resolve("lab.conf");
        Files.writeString(config, """
                zones.directory = "zones"
                dnssec { sign = true, key-directory = "keys" }
                """);
        try (CaadnsTarget caadns = CaadnsTarget.start(Optional.of(config), Map.of(), Map.of())) {
            DnsTestClient client = new DnsTestClient();
            Message plain = client.udp(caadns, Queries.query(1, Queries.name("tight.lab.test."), Type.CAA, 1232, false));
            assertThat(plain.getHeader().getFlag(Flags.TC)).as("fits without signatures").isFalse();
            assertThat(plain.getSection(Section.ANSWER)).hasSize(10);
            Message signed = client.udp(caadns, Queries.query(2, Queries.name("tight.lab.test."), Type.CAA, 1232, true));
            assertThat(signed.getHeader().getFlag(Flags.TC)).as("does not fit with its RRSIG").isTrue();
            assertThat(signed.getSection(Section.ANSWER)).as("left out whole, RRSIG with it").isEmpty();
            Message tcp = client.tcp(caadns, Queries.query(3, Queries.name("tight.lab.test."), Type.CAA, 1232, true));
            assertThat(tcp.getSection(Section.ANSWER)).hasSize(11)
                    .anySatisfy(r -> assertThat(r.getType()).isEqualTo(Type.RRSIG));
        }
    }
}
