package dev.caadns.server.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where DoT and DoH get their certificate: the lab CA made once and kept, or the operator's PEM files. */
class TlsMaterialTest {
    @TempDir
    Path dir;

    private Settings settings(Map<String, Object> more) throws ConfigError {
        Map<String, Object> flags = new HashMap<>(Map.of("state.directory", dir.resolve("state").toString(),
                "listen", List.of("127.0.0.1:0"), "dot.listen", List.of("127.0.0.1:0")));
        flags.putAll(more);
        return SettingsLoader.load(Optional.empty(), flags);
    }

    private Path tlsFolder() {
        return dir.resolve("state/tls");
    }

    @Test
    void theLabCaIsMadeOnceKeptOwnerOnlyAndReused() throws Exception {
        TlsMaterial first = TlsMaterial.from(settings(Map.of()));
        byte[] ca = Files.readAllBytes(tlsFolder().resolve("ca.pem"));
        byte[] server = Files.readAllBytes(tlsFolder().resolve("server.pem"));

        TlsMaterial again = TlsMaterial.from(settings(Map.of()));

        assertThat(first.labCaFile()).hasValue(tlsFolder().resolve("ca.pem"));
        assertThat(again.labCaFile()).isEqualTo(first.labCaFile());
        assertThat(Files.readAllBytes(tlsFolder().resolve("ca.pem"))).isEqualTo(ca);
        assertThat(Files.readAllBytes(tlsFolder().resolve("server.pem"))).as("reused, not made again").isEqualTo(server);
        try (Stream<Path> files = Files.list(tlsFolder())) {
            assertThat(files.map(Path::getFileName).map(Path::toString))
                    .containsExactlyInAnyOrder("ca.pem", "ca-key.pem", "server.pem", "server-key.pem");
        }
        try (Stream<Path> files = Files.list(tlsFolder())) {
            for (Path f : files.toList()) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString())
                        .isEqualTo("rw-------");
            }
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tlsFolder()))).isEqualTo("rwx------");
    }

    @Test
    void aNewNameGetsANewServerCertificateFromTheSameCa() throws Exception {
        TlsMaterial.from(settings(Map.of()));
        byte[] ca = Files.readAllBytes(tlsFolder().resolve("ca.pem"));
        byte[] server = Files.readAllBytes(tlsFolder().resolve("server.pem"));

        TlsMaterial.from(settings(Map.of("doh.listen", List.of("127.0.0.2:0"), "tls.names", List.of("ns.lab.test", "192.0.2.7"))));

        assertThat(Files.readAllBytes(tlsFolder().resolve("ca.pem"))).isEqualTo(ca);
        assertThat(Files.readAllBytes(tlsFolder().resolve("server.pem"))).isNotEqualTo(server);
        X509Certificate made = PemFiles.certificates(tlsFolder().resolve("server.pem")).get(0);
        made.verify(PemFiles.certificates(tlsFolder().resolve("ca.pem")).get(0).getPublicKey());
        // The JDK prints IP SANs in full form (no :: shortening), so these are exact strings.
        assertThat(made.getSubjectAlternativeNames()).extracting(san -> san.get(1).toString())
                .contains("localhost", "ns.lab.test", "127.0.0.1", "127.0.0.2", "192.0.2.7", "0:0:0:0:0:0:0:1");
    }

    @Test
    void theOperatorsCertificateAndKeyAreUsedAsGiven() throws Exception {
        TlsMaterial.from(settings(Map.of()));
        Path cert = Files.copy(tlsFolder().resolve("server.pem"), dir.resolve("mine.pem"));
        Path key = Files.copy(tlsFolder().resolve("server-key.pem"), dir.resolve("mine-key.pem"));

        TlsMaterial mine = TlsMaterial.from(settings(Map.of("tls.cert", cert.toString(), "tls.key", key.toString())));

        assertThat(mine.labCaFile()).isEmpty();
        assertThat(mine.forDoh()).isNotNull();
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedInWords() throws Exception {
        TlsMaterial.from(settings(Map.of()));
        Path cert = tlsFolder().resolve("server.pem");
        Path otherKey = tlsFolder().resolve("ca-key.pem");

        assertThatThrownBy(() -> TlsMaterial.from(settings(Map.of("tls.cert", cert.toString(), "tls.key", otherKey.toString()))))
                .isInstanceOf(TlsException.class)
                .hasMessage(otherKey + " is not the private key of the certificate in " + cert);
    }

    @Test
    void unreadableFilesAreNamed() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
        Path missing = dir.resolve("missing.pem");

        assertThatThrownBy(() -> TlsMaterial.from(settings(Map.of("tls.cert", empty.toString(), "tls.key", empty.toString()))))
                .isInstanceOf(TlsException.class).hasMessageStartingWith(empty + ": holds no PEM certificate");
        assertThatThrownBy(() -> TlsMaterial.from(settings(Map.of("tls.cert", missing.toString(), "tls.key", empty.toString()))))
                .isInstanceOf(TlsException.class).hasMessageStartingWith(missing + ": cannot read PEM certificates");
    }

    @Test
    void certWithoutKeyAndBadNamesAreConfigErrors() throws Exception {
        assertThatThrownBy(() -> settings(Map.of("tls.cert", "a.pem")))
                .isInstanceOf(ConfigError.class).hasMessageContaining("tls.cert and tls.key go together");
        assertThatThrownBy(() -> TlsMaterial.from(settings(Map.of("tls.names", List.of("not a name")))))
                .isInstanceOf(TlsException.class).hasMessageContaining("\"not a name\" is neither an IP address nor a DNS name");
        assertThatThrownBy(() -> settings(Map.of("doh.path", "dns-query")))
                .isInstanceOf(ConfigError.class).hasMessageContaining("doh.path: expected a URL path starting with /");
    }
}
