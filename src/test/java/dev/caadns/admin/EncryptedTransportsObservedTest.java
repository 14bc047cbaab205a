package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.TlsClients;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** DoT and DoH queries are journaled and counted under their own transport, and faults can pick them. */
class EncryptedTransportsObservedTest {
    @TempDir
    Path dir;

    private LabFixture lab;
    private SSLContext trust;

    @BeforeEach
    void start() throws Exception {
        lab = new LabFixture(dir, Map.of("doh.listen", List.of("127.0.0.1:0"), "dot.listen", List.of("127.0.0.1:0"),
                "state.directory", dir.resolve("state").toString()));
        trust = TlsClients.trusting(dir.resolve("state/tls/ca.pem"));
    }

    @AfterEach
    void stop() {
        lab.close();
    }

    private Message doh(String userAgent) throws Exception {
        byte[] query = LabFixture.query("lab.test.", Type.CAA, true).toWire();
        return new Message(TlsClients.post(TlsClients.http(trust, HttpClient.Version.HTTP_2),
                TlsClients.dohUri(lab.server.dohAddresses().get(0), "/dns-query"), query, userAgent).body());
    }

    private Message dot() throws Exception {
        try (SSLSocket socket = TlsClients.dot(trust, lab.server.dotAddresses().get(0))) {
            return new Message(TlsClients.exchange(socket, LabFixture.query("lab.test.", Type.CAA, true).toWire()));
        }
    }

    @Test
    void theJournalNamesTheTransportAndKeepsTheUserAgent() throws Exception {
        doh("remoteva-a");
        dot();
        lab.tcp("lab.test.", Type.CAA);

        String journal = lab.get("/api/v1/journal?type=CAA").body();

        assertThat(journal).contains("\"transport\":\"doh\",\"userAgent\":\"remoteva-a\"")
                .contains("\"transport\":\"dot\",\"userAgent\":\"\"")
                .contains("\"transport\":\"tcp\",\"userAgent\":\"\"");
    }

    @Test
    void metricsCountEachTransport() throws Exception {
        doh("boulder");
        dot();

        String metrics = lab.get("/metrics").body();

        assertThat(metrics).containsPattern("caadns_queries_total\\{rcode=\"NOERROR\",transport=\"doh\",type=\"CAA\"\\} 1")
                .containsPattern("caadns_queries_total\\{rcode=\"NOERROR\",transport=\"dot\",type=\"CAA\"\\} 1");
    }

    @Test
    void aFaultForOneTransportLeavesTheOthersAlone() throws Exception {
        assertThat(lab.post("/api/v1/faults",
                "{\"name\":\"lab.test.\",\"transport\":\"doh\",\"action\":\"servfail\"}").statusCode()).isEqualTo(201);
        assertThat(lab.post("/api/v1/faults",
                "{\"name\":\"lab.test.\",\"types\":[\"CAA\"],\"transport\":\"dot\",\"action\":\"refused\"}").statusCode())
                .isEqualTo(201);

        assertThat(doh("boulder").getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(dot().getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(lab.tcp("lab.test.", Type.CAA).getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(lab.udp("lab.test.", Type.CAA).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void truncationFaultsOnlyNameUdp() throws Exception {
        var response = lab.post("/api/v1/faults", "{\"name\":\"lab.test.\",\"transport\":\"doh\",\"action\":\"tc\"}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("acts on UDP replies only");
    }
}
