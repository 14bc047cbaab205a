package dev.caadns.testsupport;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The JDK's own TLS and HTTP/2 clients, trusting one CA file: an independent DoT/DoH client for tests
 * (kdig, curl and dnsperf are the others). Every wait is bounded.
 */
public final class TlsClients {
    public static final Duration TIMEOUT = Duration.ofSeconds(5);

    private TlsClients() {
    }

    /** A TLS context that trusts exactly the certificates in {@code caFile}. */
    public static SSLContext trusting(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (var certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("ca" + i++, (X509Certificate) certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A DoT connection, handshake done and the server's name (an IP) checked against its certificate. */
    public static SSLSocket dot(SSLContext context, InetSocketAddress address) throws IOException {
        return dot(context, address, "TLSv1.3", "TLSv1.2");
    }

    /** A TLS connection limited to {@code protocols}, e.g. TLSv1.2 to resume sessions without a new key exchange. */
    public static SSLSocket dot(SSLContext context, InetSocketAddress address, String... protocols) throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        socket.setEnabledProtocols(protocols);
        socket.setTcpNoDelay(true);
        socket.connect(address, (int) TIMEOUT.toMillis());
        socket.setSoTimeout((int) TIMEOUT.toMillis());
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        socket.startHandshake();
        return socket;
    }

    /** Writes a framed query and reads the framed reply (RFC 7858 uses RFC 1035's TCP framing). */
    public static byte[] exchange(SSLSocket socket, byte[] query) throws IOException {
        // One write, so one TLS record: a length alone in a record of its own would wait on Nagle.
        byte[] framed = new byte[query.length + 2];
        framed[0] = (byte) (query.length >> 8);
        framed[1] = (byte) query.length;
        System.arraycopy(query, 0, framed, 2, query.length);
        socket.getOutputStream().write(framed);
        socket.getOutputStream().flush();
        return readFrame(socket);
    }

    public static byte[] readFrame(SSLSocket socket) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        byte[] reply = new byte[in.readUnsignedShort()];
        in.readFully(reply);
        return reply;
    }

    public static HttpClient http(SSLContext context, HttpClient.Version version) {
        return HttpClient.newBuilder().sslContext(context).version(version).connectTimeout(TIMEOUT).build();
    }

    /** POSTs a wire query as application/dns-message (RFC 8484 §4.1). */
    public static HttpResponse<byte[]> post(HttpClient client, URI uri, byte[] query, String userAgent)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Content-Type", "application/dns-message").header("Accept", "application/dns-message")
                .header("User-Agent", userAgent)
                .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build();
        return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    public static URI dohUri(InetSocketAddress address, String path) {
        return URI.create("https://" + address.getAddress().getHostAddress() + ":" + address.getPort() + path);
    }
}
