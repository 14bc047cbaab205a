package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.EncryptedCaadns;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.TlsClients;
import dev.caadns.testsupport.Command;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;

/** DNS over TLS (RFC 7858) through real sockets: the JDK's TLS client and kdig +tls. */
class DotTransportTest {
    @RegisterExtension
    static final EncryptedCaadns.PerClass fixture = new EncryptedCaadns.PerClass();

    @ParameterizedTest
    @ValueSource(strings = {"TLSv1.2", "TLSv1.3"})
    void answersAsTcpDoesOverTls12And13(String protocol) throws Exception {
        byte[] query = Queries.query(11, "lab.test.", Type.CAA).toWire();
        SSLSocket socket = (SSLSocket) fixture.server().trust.getSocketFactory().createSocket();
        socket.setEnabledProtocols(new String[] {protocol});
        socket.connect(fixture.server().dot(), 5000);
        socket.setSoTimeout(5000);
        try (socket) {
            socket.startHandshake();
            assertThat(socket.getSession().getProtocol()).isEqualTo(protocol);
            assertThat(TlsClients.exchange(socket, query))
                    .isEqualTo(new DnsTestClient().tcpPipelined(fixture.server().caadns.tcp(), List.of(query)).get(0));
        }
    }

    @Test
    void pipelinedQueriesOnOneConnectionAllGetAnswers() throws Exception {
        ByteArrayOutputStream framed = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(framed);
        for (int id = 1; id <= 20; id++) {
            byte[] query = Queries.query(id, id % 2 == 0 ? "lab.test." : "www.lab.test.", Type.A).toWire();
            out.writeShort(query.length);
            out.write(query);
        }
        List<Integer> ids = new ArrayList<>();
        try (SSLSocket socket = TlsClients.dot(fixture.server().trust, fixture.server().dot())) {
            socket.getOutputStream().write(framed.toByteArray()); // all at once, before any answer
            socket.getOutputStream().flush();
            for (int i = 0; i < 20; i++) {
                ids.add(new Message(TlsClients.readFrame(socket)).getHeader().getID());
            }
        }
        assertThat(ids).containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, 20).boxed().toList());
    }

    @Test
    void anIdleConnectionIsClosedAndTheCapHolds() throws Exception {
        try (EncryptedCaadns tight = EncryptedCaadns.start(Files.createDirectory(fixture.dir().resolve("tight")),
                Map.of("tcp.idle-timeout", "1s", "tcp.max-connections", 2))) {
            try (SSLSocket first = TlsClients.dot(tight.trust, tight.dot());
                 SSLSocket second = TlsClients.dot(tight.trust, tight.dot())) {
                assertThat(closedByServer(() -> TlsClients.dot(tight.trust, tight.dot())))
                        .as("a third connection over tcp.max-connections").isTrue();
                long start = System.nanoTime();
                assertThat(first.getInputStream().read()).as("idle connection closed").isEqualTo(-1);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(4));
            }
        }
    }

    private interface Connect {
        SSLSocket open() throws IOException;
    }

    private static boolean closedByServer(Connect connect) {
        try (SSLSocket socket = connect.open()) {
            return socket.getInputStream().read() == -1;
        } catch (IOException e) {
            return true; // closed during the handshake
        }
    }

    @Test
    void kdigAsksOverTlsTrustingTheLabCa() {
        Command.require("kdig", "knot-dnsutils");

        Command.Result kdig = Command.run(List.of("kdig", "+tls", "+tls-ca=" + fixture.server().caFile,
                "@127.0.0.1", "-p", String.valueOf(fixture.server().dot().getPort()), "lab.test", "CAA"), "", 20);

        assertThat(kdig.exitCode()).as(kdig.output() + kdig.output()).isZero();
        assertThat(kdig.output()).contains("TLS session", "status: NOERROR", "CAA\t0 issue \"letsencrypt.org\"");
    }
}
