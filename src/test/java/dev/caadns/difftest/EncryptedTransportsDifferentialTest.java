package dev.caadns.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.TestZones;
import dev.caadns.testsupport.TlsClients;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * The differential query set sent over DoH and DoT gets exactly the bytes TCP gets (same query path,
 * same 65,535-byte limit), and exactly UDP's bytes wherever UDP did not have to truncate.
 */
class EncryptedTransportsDifferentialTest {
    private static final long SEED = 20240101L;
    private static final int MIN_QUERIES = 2000;
    private static final int TCP_BATCH = 100;

    @TempDir
    Path dir;

    @Test
    void dohAndDotAnswerAsTcpAndUdpDo() throws Exception {
        Map<Name, Path> zones = TestZones.inResourceFolder("difftest");
        List<GeneratedQuery> queries = new QueryGenerator(ZoneData.load(zones), SEED).generate();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(MIN_QUERIES);
        List<byte[]> wires = queries.stream().map(q -> q.toMessage().toWire()).toList();
        List<String> differences = new ArrayList<>();
        int udpCompared = 0;

        try (CaadnsTarget caadns = CaadnsTarget.start(zones, Map.of("doh.listen", List.of("127.0.0.1:0"),
                "dot.listen", List.of("127.0.0.1:0"), "state.directory", dir.resolve("state").toString()))) {
            SSLContext trust = TlsClients.trusting(dir.resolve("state/tls/ca.pem"));
            DnsTestClient client = new DnsTestClient();
            List<byte[]> tcp = new ArrayList<>();
            for (int from = 0; from < wires.size(); from += TCP_BATCH) {
                tcp.addAll(client.tcpPipelined(caadns.tcp(), wires.subList(from, Math.min(wires.size(), from + TCP_BATCH))));
            }
            HttpClient http = TlsClients.http(trust, HttpClient.Version.HTTP_2);
            URI doh = TlsClients.dohUri(caadns.server().dohAddresses().get(0), "/dns-query");
            try (SSLSocket dot = TlsClients.dot(trust, caadns.server().dotAddresses().get(0))) {
                for (int i = 0; i < wires.size(); i++) {
                    String what = queries.get(i).toString();
                    compare(differences, what + " over DoT", tcp.get(i), TlsClients.exchange(dot, wires.get(i)));
                    compare(differences, what + " over DoH", tcp.get(i),
                            TlsClients.post(http, doh, wires.get(i), "difftest").body());
                    if (queries.get(i).transport() == GeneratedQuery.Transport.UDP) {
                        byte[] udp = client.udpRaw(caadns.udp(), wires.get(i), DnsTestClient.DEFAULT_TIMEOUT);
                        if (udp != null && !new Message(udp).getHeader().getFlag(Flags.TC)) {
                            udpCompared++;
                            compare(differences, what + " over UDP vs TCP", tcp.get(i), udp);
                        }
                    }
                }
            }
        }
        assertThat(udpCompared).as("UDP replies that fit, compared too").isGreaterThan(500);
        assertThat(differences).as("replies that differ from TCP's").isEmpty();
    }

    private static void compare(List<String> differences, String what, byte[] expected, byte[] actual) {
        if (!Arrays.equals(expected, actual) && differences.size() < 20) {
            differences.add(what + ": TCP " + HexFormat.of().formatHex(expected) + " vs " + HexFormat.of().formatHex(actual));
        }
    }
}
