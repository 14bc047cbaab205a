package dev.caadns.server.tls;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JDK's TLS server finds its key and certificate through the key manager, for each key type an operator may bring. */
class FixedKeyManagerTest {
    @ParameterizedTest(name = "{0} key over {2}")
    @CsvSource({
        "EC, SHA256withECDSA, TLSv1.3", "EC, SHA256withECDSA, TLSv1.2",
        "RSA, SHA256withRSA, TLSv1.3", "RSA, SHA256withRSA, TLSv1.2",
        "Ed25519, Ed25519, TLSv1.3", "Ed25519, Ed25519, TLSv1.2",
    })
    void aHandshakePresentsTheKeysCertificate(String keyType, String signature, String protocol) throws Exception {
        KeyPair pair = keyPair(keyType);
        X509Certificate certificate = selfSigned(pair, signature);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(new KeyManager[] {new FixedKeyManager(pair.getPrivate(), new X509Certificate[] {certificate})},
                null, null);

        try (SSLServerSocket listener = (SSLServerSocket) server.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            listener.setEnabledProtocols(new String[] {protocol});
            listener.setSoTimeout(10_000);
            CompletableFuture<Integer> served = CompletableFuture.supplyAsync(() -> echoOneByte(listener));
            try (SSLSocket client = (SSLSocket) trusting(certificate).getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listener.getLocalPort())) {
                client.setSoTimeout(10_000);
                client.setEnabledProtocols(new String[] {protocol});
                client.startHandshake();
                client.getOutputStream().write(42);
                client.getOutputStream().flush();

                assertThat(client.getInputStream().read()).isEqualTo(42);
                assertThat(client.getSession().getProtocol()).isEqualTo(protocol);
                assertThat(client.getSession().getPeerCertificates()).containsExactly(certificate);
            }
            assertThat(served.get(10, TimeUnit.SECONDS)).isEqualTo(42);
        }
    }

    private static int echoOneByte(SSLServerSocket listener) {
        try (SSLSocket accepted = (SSLSocket) listener.accept()) {
            InputStream in = accepted.getInputStream();
            int b = in.read();
            OutputStream out = accepted.getOutputStream();
            out.write(b);
            out.flush();
            return b;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static KeyPair keyPair(String type) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance(type);
        switch (type) {
            case "EC" -> generator.initialize(new ECGenParameterSpec("secp256r1"));
            case "RSA" -> generator.initialize(2048);
            default -> { }
        }
        return generator.generateKeyPair();
    }

    private static X509Certificate selfSigned(KeyPair pair, String signature) throws Exception {
        Instant now = Instant.now();
        X500Name name = new X500Name("CN=localhost");
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.TWO,
                Date.from(now.minus(1, ChronoUnit.HOURS)), Date.from(now.plus(1, ChronoUnit.DAYS)), name,
                pair.getPublic()).build(new JcaContentSignerBuilder(signature).build(pair.getPrivate())));
    }

    private static SSLContext trusting(X509Certificate certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        return client;
    }
}
