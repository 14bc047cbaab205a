package dev.caadns.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The harness itself: each peer starts, answers every zone's SOA over UDP and TCP, and stops. */
class PeerServerTest {
    private static final Map<Name, Path> ZONES = TestZones.inResourceFolder("difftest");

    @TempDir
    Path workDir;

    @Test
    void knotServesEveryZoneAndStops() {
        servesEveryZoneAndStops(KnotServer::start);
    }

    @Test
    void nsdServesEveryZoneAndStops() {
        servesEveryZoneAndStops(NsdServer::start);
    }

    private void servesEveryZoneAndStops(BiFunction<Path, Map<Name, Path>, DnsTarget> starter) {
        DnsTestClient client = new DnsTestClient();
        DnsTarget target = starter.apply(workDir, ZONES);
        try (target) {
            int id = 1;
            for (Name origin : ZONES.keySet()) {
                Message query = Queries.query(id++, origin, Type.SOA);
                for (Message reply : new Message[] {client.udp(target, query), client.tcp(target, query)}) {
                    assertThat(reply.getRcode()).as("%s SOA", origin).isEqualTo(Rcode.NOERROR);
                    assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
                    assertThat(reply.getHeader().getID()).isEqualTo(query.getHeader().getID());
                    assertThat(reply.getSection(Section.ANSWER)).singleElement()
                            .satisfies(soa -> assertThat(soa.getName()).isEqualTo(origin));
                }
            }
        }
        byte[] probe = Queries.query(99, ZONES.keySet().iterator().next(), Type.SOA).toWire();
        assertThat(client.udpRaw(target.udp(), probe, java.time.Duration.ofMillis(300)))
                .as("%s still answers after close", target.name()).isNull();
    }
}
