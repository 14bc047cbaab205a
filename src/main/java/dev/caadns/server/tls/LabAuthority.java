package dev.caadns.server.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab CA caadns makes for itself: a CA and a server certificate signed by it, kept in a folder and
 * reused on every start. The server certificate is made again (by the same CA, so clients keep
 * trusting it) when it lacks a name the server now answers on or is near its end. Keys are P-256,
 * signed with the JDK's own crypto; BouncyCastle only builds and writes the certificates.
 */
final class LabAuthority {
    private static final Logger log = LoggerFactory.getLogger(LabAuthority.class);
    static final String CA_FILE = "ca.pem";
    static final String CA_KEY_FILE = "ca-key.pem";
    static final String SERVER_FILE = "server.pem";
    static final String SERVER_KEY_FILE = "server-key.pem";
    private static final Duration CA_LIFETIME = Duration.ofDays(3650);
    private static final Duration SERVER_LIFETIME = Duration.ofDays(365);
    private static final Duration RENEW_BEFORE = Duration.ofDays(30);
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final String SIGNATURE = "SHA256withECDSA";
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a server certificate must hold. */
    record Names(Set<InetAddress> addresses, Set<String> dnsNames) {
    }

    /** The server's key and certificate, and the CA file clients must trust. */
    record Issued(PrivateKey key, X509Certificate certificate, Path caFile) {
    }

    private LabAuthority() {
    }

    static Issued inFolder(Path folder, Names names) throws TlsException {
        try {
            PemFiles.createPrivateFolder(folder);
            Path caFile = folder.resolve(CA_FILE);
            Path caKeyFile = folder.resolve(CA_KEY_FILE);
            X509Certificate ca;
            PrivateKey caKey;
            if (Files.exists(caFile) || Files.exists(caKeyFile)) {
                ca = PemFiles.certificates(caFile).get(0);
                caKey = PemFiles.privateKey(caKeyFile);
            } else {
                KeyPair pair = newKeyPair();
                ca = caCertificate(pair);
                caKey = pair.getPrivate();
                PemFiles.write(caKeyFile, pair.getPrivate());
                PemFiles.write(caFile, ca);
                log.info("made a lab CA in {}", caFile);
            }
            Path serverFile = folder.resolve(SERVER_FILE);
            Path serverKeyFile = folder.resolve(SERVER_KEY_FILE);
            if (Files.exists(serverFile) && Files.exists(serverKeyFile)) {
                X509Certificate server = PemFiles.certificates(serverFile).get(0);
                String unfit = unfit(server, ca, names);
                if (unfit == null) {
                    return new Issued(PemFiles.privateKey(serverKeyFile), server, caFile);
                }
                log.info("making a new server certificate: {}", unfit);
            }
            KeyPair pair = newKeyPair();
            X509Certificate server = serverCertificate(pair, ca, caKey, names);
            PemFiles.write(serverKeyFile, pair.getPrivate());
            PemFiles.write(serverFile, server);
            log.info("made a server certificate for {} in {}", describe(names), serverFile);
            return new Issued(pair.getPrivate(), server, caFile);
        } catch (IOException e) {
            throw new TlsException("state folder " + folder + ": " + e.getMessage()
                    + " (set state.directory to a folder caadns may write)", e);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new TlsException("cannot make the lab certificates in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Why the stored server certificate will not do, or null when it will. */
    private static String unfit(X509Certificate server, X509Certificate ca, Names names) {
        try {
            server.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            return "the stored one is not signed by the stored CA";
        }
        if (server.getNotAfter().toInstant().isBefore(Instant.now().plus(RENEW_BEFORE))) {
            return "the stored one ends " + server.getNotAfter().toInstant();
        }
        Set<InetAddress> addresses = new HashSet<>();
        Set<String> dnsNames = new HashSet<>();
        try {
            Collection<List<?>> sans = server.getSubjectAlternativeNames();
            for (List<?> san : sans == null ? List.<List<?>>of() : sans) {
                int kind = (Integer) san.get(0);
                if (kind == SAN_IP) {
                    addresses.add(InetAddress.getByName((String) san.get(1))); // a literal: no lookup
                } else if (kind == SAN_DNS) {
                    dnsNames.add(((String) san.get(1)).toLowerCase(java.util.Locale.ROOT));
                }
            }
        } catch (CertificateException | IOException e) {
            return "its names cannot be read";
        }
        Set<InetAddress> missingAddresses = new HashSet<>(names.addresses());
        missingAddresses.removeAll(addresses);
        Set<String> missingNames = new HashSet<>(names.dnsNames());
        missingNames.removeAll(dnsNames);
        if (!missingAddresses.isEmpty() || !missingNames.isEmpty()) {
            return "the stored one lacks " + describe(new Names(missingAddresses, missingNames));
        }
        return null;
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate caCertificate(KeyPair pair)
            throws CertIOException, GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=caadns lab CA " + now.getEpochSecond() + ",O=caadns lab");
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(CA_LIFETIME)), subject, pair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(pair.getPublic()));
        return sign(builder, pair.getPrivate());
    }

    private static X509Certificate serverCertificate(KeyPair pair, X509Certificate ca, PrivateKey caKey, Names names)
            throws CertIOException, GeneralSecurityException, OperatorCreationException {
        Instant now = Instant.now();
        List<GeneralName> sans = new ArrayList<>();
        names.dnsNames().stream().sorted().forEach(n -> sans.add(new GeneralName(GeneralName.dNSName, n)));
        names.addresses().forEach(a -> sans.add(new GeneralName(GeneralName.iPAddress, a.getHostAddress())));
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(ca, serial(),
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(SERVER_LIFETIME)),
                new X500Name("CN=caadns,O=caadns lab"), pair.getPublic());
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                .addExtension(Extension.subjectAlternativeName, false,
                        new GeneralNames(sans.toArray(new GeneralName[0])))
                .addExtension(Extension.subjectKeyIdentifier, false,
                        extensions.createSubjectKeyIdentifier(pair.getPublic()))
                .addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca));
        return sign(builder, caKey);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key)
            throws CertificateException, OperatorCreationException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE).build(key)));
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).add(BigInteger.ONE);
    }

    private static String describe(Names names) {
        List<String> all = new ArrayList<>(names.dnsNames().stream().sorted().toList());
        names.addresses().stream().map(InetAddress::getHostAddress).sorted().forEach(all::add);
        return String.join(", ", all);
    }
}
