package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Signatures near their end are made again while serving, with the same key: no restart needed; the
 * zone gets its next serial, so secondaries take the new signatures.
 */
class SignatureRefreshTest {
    @Test
    void signaturesAreRemadeBeforeTheyExpire(@TempDir Path dir) throws Exception {
        Path zones = Files.createDirectories(dir.resolve("zones"));
        Files.writeString(zones.resolve("lab.test.zone"), SignedLab.LAB);
        Path config = dir.resolve("lab.conf");
        // due 5 s after they are made: the timer looks every second
        Files.writeString(config, """
                zones.directory = "zones"
                dnssec { sign = true, key-directory = "keys", signature-validity = 70s, signature-refresh = 65s }
                """);
        try (CaadnsTarget caadns = CaadnsTarget.start(Optional.of(config), Map.of(), Map.of())) {
            DnsTestClient client = new DnsTestClient();
            RRSIGRecord first = rrsig(client.udp(caadns, Queries.query(1, Queries.name("lab.test."), Type.CAA, 1232, true)));
            long serial = serial(client, caadns);
            RRSIGRecord later = first;
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (later.getExpire().equals(first.getExpire()) && System.nanoTime() < deadline) {
                Thread.sleep(500);
                later = rrsig(client.udp(caadns, Queries.query(2, Queries.name("lab.test."), Type.CAA, 1232, true)));
            }
            assertThat(later.getExpire()).as("remade with a later end").isAfter(first.getExpire());
            assertThat(later.getExpire()).isAfter(Instant.now().plusSeconds(5));
            assertThat(later.getFootprint()).as("by the same key").isEqualTo(first.getFootprint());
            assertThat(serial(client, caadns)).as("the next serial, for the secondaries").isGreaterThan(serial);
        }
    }

    private static long serial(DnsTestClient client, CaadnsTarget caadns) {
        return ((org.xbill.DNS.SOARecord) client.udp(caadns, Queries.query(3, Queries.name("lab.test."), Type.SOA))
                .getSection(Section.ANSWER).get(0)).getSerial();
    }

    private static RRSIGRecord rrsig(Message reply) {
        return reply.getSection(Section.ANSWER).stream().filter(RRSIGRecord.class::isInstance)
                .map(RRSIGRecord.class::cast).findFirst().orElseThrow(() -> new AssertionError("no RRSIG: " + reply));
    }
}
