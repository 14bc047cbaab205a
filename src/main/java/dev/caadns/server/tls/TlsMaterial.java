package dev.caadns.server.tls;

import dev.caadns.config.Settings;
import io.netty.handler.codec.http2.Http2SecurityUtil;
import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.CipherSuiteFilter;
import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.IdentityCipherSuiteFilter;
import io.netty.handler.ssl.JdkSslContext;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SupportedCipherSuiteFilter;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;

/**
 * The one place DoT and DoH get their certificate from: the operator's PEM files ({@code tls.cert},
 * {@code tls.key}), or else the lab CA kept in {@code state.directory}/tls. TLS 1.2 and 1.3, the JDK's
 * own TLS (no native library).
 */
public final class TlsMaterial {
    private static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    private static final String DOT_ALPN = "dot";
    private static final Pattern DNS_NAME = Pattern.compile(
            "(\\*\\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)*[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.?");

    private final FixedKeyManager keyManager;
    private final Optional<Path> labCaFile;

    private TlsMaterial(PrivateKey key, List<X509Certificate> chain, Optional<Path> labCaFile) {
        this.keyManager = new FixedKeyManager(key, chain.toArray(new X509Certificate[0]));
        this.labCaFile = labCaFile;
    }

    /** The operator's certificate when the settings name one, else the lab CA's (made on first use). */
    public static TlsMaterial from(Settings settings) throws TlsException {
        if (settings.tlsCert().isPresent()) {
            Path certFile = settings.tlsCert().get();
            Path keyFile = settings.tlsKey().orElseThrow();
            List<X509Certificate> chain = PemFiles.certificates(certFile);
            PrivateKey key = PemFiles.privateKey(keyFile);
            if (!belongTogether(key, chain.get(0))) {
                throw new TlsException(keyFile + " is not the private key of the certificate in " + certFile);
            }
            return new TlsMaterial(key, chain, Optional.empty());
        }
        LabAuthority.Issued issued = LabAuthority.inFolder(settings.stateDirectory().resolve("tls"), names(settings));
        return new TlsMaterial(issued.key(), List.of(issued.certificate()), Optional.of(issued.caFile()));
    }

    /** The CA file clients must trust when caadns made the certificate; empty for the operator's own. */
    public Optional<Path> labCaFile() {
        return labCaFile;
    }

    /** DoT: any client ALPN is fine (RFC 7858 names none; "dot" is chosen when offered). */
    public SslContext forDot() throws SSLException {
        return context(null, IdentityCipherSuiteFilter.INSTANCE, alpn(DOT_ALPN));
    }

    /** DoH: ALPN h2 or http/1.1, with HTTP/2's cipher rules (RFC 7540 §9.2) on TLS 1.2. */
    public SslContext forDoh() throws SSLException {
        return context(Http2SecurityUtil.CIPHERS, SupportedCipherSuiteFilter.INSTANCE,
                alpn(ApplicationProtocolNames.HTTP_2, ApplicationProtocolNames.HTTP_1_1));
    }

    /**
     * The JDK's TLS with our key and no trust store (no client is asked for a certificate), wrapped
     * for Netty as {@code SslContextBuilder.forServer(...).build()} would, without what that costs:
     * its server context's first use builds a PKCS12 key store to probe the JDK (PBKDF2, ~0.5 s of
     * a start), and an SSLContext given no trust managers reads the JDK's CA certificates.
     */
    private SslContext context(Iterable<String> ciphers, CipherSuiteFilter filter, ApplicationProtocolConfig alpn)
            throws SSLException {
        try {
            SSLContext jdk = SSLContext.getInstance("TLS");
            jdk.init(new KeyManager[] {keyManager}, new TrustManager[0], null);
            return new JdkSslContext(jdk, false, ciphers, filter, alpn, ClientAuth.NONE, PROTOCOLS, false);
        } catch (GeneralSecurityException e) {
            throw new SSLException("the JDK's TLS cannot start: " + e.getMessage(), e);
        }
    }

    // Without a match the handshake goes on without ALPN, as a client that offers none expects.
    private static ApplicationProtocolConfig alpn(String... protocols) {
        return new ApplicationProtocolConfig(ApplicationProtocolConfig.Protocol.ALPN,
                ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
                ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT, protocols);
    }

    private static boolean belongTogether(PrivateKey key, X509Certificate certificate) throws TlsException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> throw new TlsException("private key of type " + key.getAlgorithm()
                    + " is not supported (use RSA, EC or Ed25519)");
        };
        try {
            byte[] probe = "caadns".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** localhost, the loopback addresses, every listen address (a wildcard: every local address) and tls.names. */
    static LabAuthority.Names names(Settings settings) throws TlsException {
        Set<InetAddress> addresses = new LinkedHashSet<>();
        Set<String> dnsNames = new LinkedHashSet<>();
        dnsNames.add("localhost");
        addresses.add(NetUtil.LOCALHOST4);
        addresses.add(NetUtil.LOCALHOST6);
        List<InetSocketAddress> listen = new ArrayList<>(settings.listen());
        listen.addAll(settings.dohListen());
        listen.addAll(settings.dotListen());
        for (InetSocketAddress a : listen) {
            if (a.getAddress().isAnyLocalAddress()) {
                addresses.addAll(localAddresses());
            } else {
                addresses.add(a.getAddress());
            }
        }
        for (String name : settings.tlsNames()) {
            byte[] ip = NetUtil.createByteArrayFromIpAddressString(name);
            if (ip != null) {
                addresses.add(NetUtil.createInetAddressFromIpAddressString(name));
            } else if (DNS_NAME.matcher(name.toLowerCase(Locale.ROOT)).matches()) {
                dnsNames.add(stripDot(name.toLowerCase(Locale.ROOT)));
            } else {
                throw new TlsException("tls.names: \"" + name + "\" is neither an IP address nor a DNS name");
            }
        }
        return new LabAuthority.Names(addresses, dnsNames);
    }

    private static String stripDot(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static List<InetAddress> localAddresses() throws TlsException {
        List<InetAddress> all = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                Collections.list(nic.getInetAddresses()).stream()
                        .filter(a -> !a.isLinkLocalAddress())
                        .map(TlsMaterial::withoutScope).forEach(all::add);
            }
        } catch (SocketException e) {
            throw new TlsException("cannot list this machine's addresses for the certificate: " + e.getMessage(), e);
        }
        return all;
    }

    private static InetAddress withoutScope(InetAddress a) {
        try {
            return InetAddress.getByAddress(a.getAddress());
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e); // cannot happen: the address has 4 or 16 bytes
        }
    }
}
