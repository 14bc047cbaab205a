package dev.caadns.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * caadns in-process with UDP/TCP, DoT and DoH on free loopback ports, serving a small {@code lab.test.}
 * zone from {@code dir}, its lab CA kept in {@code dir}/state; and a TLS context trusting that CA.
 */
public final class EncryptedCaadns implements AutoCloseable {
    public static final String ZONE = """
            $ORIGIN lab.test.
            $TTL 300
            @       SOA  ns hostmaster 1 3600 600 86400 120
            @       NS   ns
            ns      A    192.0.2.53
            @       CAA  0 issue "letsencrypt.org"
            @       CAA  0 iodef "mailto:security@lab.test"
            www     60   CNAME web
            web     A    192.0.2.80
            """;

    public final CaadnsTarget caadns;
    public final Path caFile;
    public final SSLContext trust;

    private EncryptedCaadns(CaadnsTarget caadns, Path caFile) {
        this.caadns = caadns;
        this.caFile = caFile;
        this.trust = TlsClients.trusting(caFile);
    }

    /** @param settings more config paths → values, over the fixture's own */
    public static EncryptedCaadns start(Path dir, Map<String, Object> settings) {
        return start(dir, ZONE, settings);
    }

    /** @param zone the text of the lab.test. zone file */
    public static EncryptedCaadns start(Path dir, String zone, Map<String, Object> settings) {
        Path zoneFile = dir.resolve("lab.test.zone");
        try {
            Files.writeString(zoneFile, zone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> all = new HashMap<>(Map.of("doh.listen", List.of("127.0.0.1:0"),
                "dot.listen", List.of("127.0.0.1:0"), "state.directory", dir.resolve("state").toString()));
        all.putAll(settings);
        CaadnsTarget caadns = CaadnsTarget.start(Map.of(Queries.name("lab.test."), zoneFile), all);
        return new EncryptedCaadns(caadns, dir.resolve("state/tls/ca.pem"));
    }

    /**
     * One server for a whole test class, in a folder of its own:
     * {@code @RegisterExtension static final EncryptedCaadns.PerClass fixture = new EncryptedCaadns.PerClass();}
     */
    public static final class PerClass implements BeforeAllCallback, AfterAllCallback {
        private final Map<String, Object> settings;
        private Path dir;
        private EncryptedCaadns server;

        public PerClass() {
            this(Map.of());
        }

        /** @param settings more config paths → values, over the fixture's own */
        public PerClass(Map<String, Object> settings) {
            this.settings = Map.copyOf(settings);
        }

        @Override
        public void beforeAll(ExtensionContext context) throws IOException {
            dir = Files.createTempDirectory("caadns-tls");
            server = start(dir, settings);
        }

        @Override
        public void afterAll(ExtensionContext context) throws IOException {
            server.close();
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(f);
                }
            }
        }

        public EncryptedCaadns server() {
            return server;
        }

        /** The class's own folder, for more files or more servers. */
        public Path dir() {
            return dir;
        }
    }

    public InetSocketAddress dot() {
        return caadns.server().dotAddresses().get(0);
    }

    public InetSocketAddress doh() {
        return caadns.server().dohAddresses().get(0);
    }

    @Override
    public void close() {
        caadns.close();
    }
}
