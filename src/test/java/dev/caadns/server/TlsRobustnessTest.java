package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.EncryptedCaadns;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.TlsClients;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * TLS clients that stall, fail or send garbage are dropped, and while they do every other listener
 * (UDP, TCP, DoT, DoH) keeps answering. Every wait here is bounded.
 */
class TlsRobustnessTest {
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(1);
    private static final int IDLE_CONNECTIONS = 1000;

    @RegisterExtension
    static final EncryptedCaadns.PerClass fixture = new EncryptedCaadns.PerClass(Map.of(
            "tls.handshake-timeout", HANDSHAKE_TIMEOUT.toMillis() + "ms",
            "tcp.max-connections", 2 * IDLE_CONNECTIONS, "tcp.idle-timeout", "120s"));
    private static EncryptedCaadns server;

    @BeforeAll
    static void server() {
        server = fixture.server();
    }

    /** One query over each transport, each answered NOERROR. */
    private static void everyListenerAnswers() throws Exception {
        Message query = Queries.query(77, "lab.test.", Type.CAA);
        DnsTestClient client = new DnsTestClient();
        assertThat(client.udp(server.caadns, query).getRcode()).as("UDP").isEqualTo(Rcode.NOERROR);
        assertThat(client.tcp(server.caadns, query).getRcode()).as("TCP").isEqualTo(Rcode.NOERROR);
        try (SSLSocket dot = TlsClients.dot(server.trust, server.dot())) {
            assertThat(new Message(TlsClients.exchange(dot, query.toWire())).getRcode()).as("DoT").isEqualTo(Rcode.NOERROR);
        }
        byte[] doh = TlsClients.post(TlsClients.http(server.trust, HttpClient.Version.HTTP_2),
                TlsClients.dohUri(server.doh(), "/dns-query"), query.toWire(), "t").body();
        assertThat(new Message(doh).getRcode()).as("DoH").isEqualTo(Rcode.NOERROR);
    }

    private static Socket raw(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Reads until the server closes (true) or 10 s pass (false). */
    private static boolean closedByServer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (in.read(buffer) >= 0) {
                // whatever the server says before it closes (an alert, a GOAWAY) is fine
            }
            return true;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true; // reset
        }
    }

    @Test
    void aHandshakeThatNeverEndsIsDroppedAndBlocksNobody() throws Exception {
        // A ClientHello's first bytes, then nothing: the server waits for the rest.
        byte[] partialHello = {0x16, 0x03, 0x01, 0x02, 0x00, 0x01, 0x00, 0x01, (byte) 0xfc, 0x03, 0x03};
        try (Socket dot = raw(server.dot()); Socket doh = raw(server.doh()); Socket silent = raw(server.doh())) {
            dot.getOutputStream().write(partialHello);
            doh.getOutputStream().write(partialHello);
            long start = System.nanoTime();

            everyListenerAnswers();

            assertThat(closedByServer(dot)).as("stalled DoT handshake dropped").isTrue();
            assertThat(closedByServer(doh)).as("stalled DoH handshake dropped").isTrue();
            assertThat(closedByServer(silent)).as("a client that never says hello is dropped").isTrue();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(HANDSHAKE_TIMEOUT.plusSeconds(5));
        }
    }

    @Test
    void tlsErrorsAreTheClientsAlone() throws Exception {
        try (Socket plain = raw(server.doh())) {
            plain.getOutputStream().write("GET /dns-query HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            assertThat(closedByServer(plain)).as("plain HTTP on the TLS port").isTrue();
        }
        try (Socket garbage = raw(server.dot())) {
            byte[] noise = new byte[2048];
            new java.util.Random(7).nextBytes(noise);
            garbage.getOutputStream().write(noise);
            assertThat(closedByServer(garbage)).as("random bytes on the DoT port").isTrue();
        }
        SSLSocket old = (SSLSocket) server.trust.getSocketFactory().createSocket();
        old.setEnabledProtocols(new String[] {"TLSv1.1"});
        try (old) {
            old.connect(server.dot(), 5000);
            old.setSoTimeout(5000);
            assertThatThrownBy(old::startHandshake).as("TLS 1.1 is refused").isInstanceOf(IOException.class);
        }
        SSLContext trustsNothing = SSLContext.getInstance("TLS");
        trustsNothing.init(null, null, null);
        assertThatThrownBy(() -> TlsClients.dot(trustsNothing, server.dot()).close())
                .as("a client that does not trust the lab CA").isInstanceOf(SSLHandshakeException.class);

        everyListenerAnswers();
    }

    @Test
    void garbageHttp2FramesEndOnlyThatConnection() throws Exception {
        SSLSocket h2 = (SSLSocket) server.trust.getSocketFactory().createSocket();
        SSLParameters parameters = h2.getSSLParameters();
        parameters.setApplicationProtocols(new String[] {"h2"});
        h2.setSSLParameters(parameters);
        try (h2) {
            h2.connect(server.doh(), 5000);
            h2.setSoTimeout(10_000);
            h2.startHandshake();
            assertThat(h2.getApplicationProtocol()).isEqualTo("h2");
            OutputStream out = h2.getOutputStream();
            out.write("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(frame(0x4, 0, 0, new byte[0])); // SETTINGS
            // HEADERS, END_STREAM|END_HEADERS, on stream 1, with a header block HPACK cannot decode
            out.write(frame(0x1, 0x5, 1, new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}));
            out.flush();

            List<Integer> types = framesUntilClose(h2.getInputStream());
            assertThat(types).as("frame types the server sent").contains(0x7); // GOAWAY
        }

        everyListenerAnswers();
    }

    private static byte[] frame(int type, int flags, int stream, byte[] payload) {
        return ByteBuffer.allocate(9 + payload.length).put((byte) (payload.length >> 16)).put((byte) (payload.length >> 8))
                .put((byte) payload.length).put((byte) type).put((byte) flags).putInt(stream).put(payload).array();
    }

    /** The types of the HTTP/2 frames read until the server closes (or 10 s pass). */
    private static List<Integer> framesUntilClose(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                all.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            // report what came
        } catch (IOException e) {
            // reset after the GOAWAY
        }
        ByteBuffer frames = ByteBuffer.wrap(all.toByteArray());
        List<Integer> types = new ArrayList<>();
        while (frames.remaining() >= 9) {
            int length = ((frames.get() & 0xff) << 16) | ((frames.get() & 0xff) << 8) | (frames.get() & 0xff);
            types.add(frames.get() & 0xff);
            frames.position(Math.min(frames.limit(), frames.position() + 5 + length));
        }
        return types;
    }

    @Test
    void aThousandIdleTlsConnectionsHoldUpNobody() throws Exception {
        // One after another: the server's one event loop does every handshake, and 1,000 at once
        // would outlast this class's 1 s handshake deadline. TLS 1.2 lets the client resume its
        // session (no new key exchange), so 1,000 handshakes take seconds, not a minute.
        List<SSLSocket> idle = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int i = 0; i < IDLE_CONNECTIONS; i++) {
                idle.add(TlsClients.dot(server.trust, i % 2 == 0 ? server.dot() : server.doh(), "TLSv1.2"));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(60));

            everyListenerAnswers();

            // and the idle ones are still there, answering when they finally ask
            SSLSocket firstDot = idle.get(0);
            assertThat(new Message(TlsClients.exchange(firstDot, Queries.query(9, "lab.test.", Type.SOA).toWire()))
                    .getRcode()).isEqualTo(Rcode.NOERROR);
        } finally {
            for (SSLSocket s : idle) {
                s.close();
            }
        }
    }
}
