package dev.caadns.cli;

import dev.caadns.admin.LabControl;
import dev.caadns.config.SettingsLoader;
import dev.caadns.config.Settings;
import dev.caadns.server.CaadnsServer;
import dev.caadns.server.Plugin;
import dev.caadns.testsupport.FreePorts;
import dev.caadns.testsupport.UnboundResolver;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Name;
import picocli.CommandLine;

/**
 * A signed lab on loopback: caadns serving a signed parent {@code test.}, its signed child
 * {@code lab.test.} (NSEC chain, templates at existing names), {@code tenants.test.} (templates that
 * make names up: online NSEC) and an unsigned child {@code plain.test.}; the trust anchor printed by
 * {@code caadns dnssec anchors}; Unbound validating through stub zones to caadns; and delv.
 */
final class SignedLab implements AutoCloseable {
    static final String TEST = """
            $ORIGIN test.
            $TTL 300
            @        SOA ns.test. hostmaster.test. 1 7200 3600 1209600 60
                     NS  ns
            ns       A   127.0.0.1
            lab      NS  ns.lab
            ns.lab   A   127.0.0.1
            tenants  NS  ns.tenants
            ns.tenants A 127.0.0.1
            plain    NS  ns.plain
            ns.plain A   127.0.0.1
            """;
    static final String LAB = """
            $ORIGIN lab.test.
            $TTL 300
            @        SOA ns.lab.test. hostmaster.lab.test. 1 7200 3600 1209600 60
                     NS  ns
            ns       A   127.0.0.1
            @        CAA 0 issue "letsencrypt.org"
            shop     CAA 0 issue "pki.goog"
                     A   127.0.0.1
            www      CNAME shop
            *.wild   CAA 0 issue "wild.example"
            host.apps A  127.0.0.1
            a.b.c    A   127.0.0.1
            """;
    static final String TENANTS = """
            $ORIGIN tenants.test.
            $TTL 300
            @        SOA ns.tenants.test. hostmaster.tenants.test. 1 7200 3600 1209600 60
                     NS  ns
            ns       A   127.0.0.1
            """;
    static final String PLAIN = """
            $ORIGIN plain.test.
            $TTL 300
            @        SOA ns.plain.test. hostmaster.plain.test. 1 7200 3600 1209600 60
                     NS  ns
            ns       A   127.0.0.1
            @        CAA 0 issue "insecure.example"
            """;

    final Path dir;
    final Path config;
    final Path unboundAnchors;
    final Path bindAnchors;
    final CaadnsServer server;
    final UnboundResolver unbound;
    final String api;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private SignedLab(Path dir, Path config, Path unboundAnchors, Path bindAnchors, CaadnsServer server,
                      UnboundResolver unbound, String api) {
        this.dir = dir;
        this.config = config;
        this.unboundAnchors = unboundAnchors;
        this.bindAnchors = bindAnchors;
        this.server = server;
        this.unbound = unbound;
        this.api = api;
    }

    static SignedLab start(Path dir) throws Exception {
        return start(dir, "");
    }

    /** @param denial further keys of the dnssec block, e.g. {@code nsec3 = true} */
    static SignedLab start(Path dir, String denial) throws Exception {
        UnboundResolver.assumeInstalled();
        Path zones = Files.createDirectories(dir.resolve("zones"));
        Files.writeString(zones.resolve("test.zone"), TEST);
        Files.writeString(zones.resolve("lab.test.zone"), LAB);
        Files.writeString(zones.resolve("tenants.test.zone"), TENANTS);
        Files.writeString(zones.resolve("plain.test.zone"), PLAIN);
        Path config = dir.resolve("lab.conf");
        Files.writeString(config, """
                zones.directory = "zones"
                management.listen = "127.0.0.1:%d"
                dnssec { sign = true, zones = ["test.", "lab.test.", "tenants.test."], key-directory = "keys" %s}
                caa.templates = [
                  { match = "*.apps.lab.test.", issue = ["pki.goog"] }
                  { match = "{t}.tenants.test.", applies-to = any, records = ["0 issue \\"ca.example; accounturi=https://ca.example/acct/{t}\\""] }
                ]
                """.formatted(FreePorts.udpAndTcp(), denial.isEmpty() ? "" : ", " + denial));
        Path unboundAnchors = dir.resolve("anchors.ds");
        Files.writeString(unboundAnchors, cli("dnssec", "anchors", "--config", config.toString(), "--format", "unbound"));
        Path bindAnchors = dir.resolve("anchors.bind");
        Files.writeString(bindAnchors, cli("dnssec", "anchors", "--config", config.toString(), "--format", "bind"));
        Settings settings = SettingsLoader.load(Optional.of(config),
                Map.of("listen", List.of("127.0.0.1:0"), "workers", 1));
        List<Plugin> plugins = Plugins.forSettings(settings);
        CaadnsServer server = CaadnsServer.start(settings, plugins);
        try {
            InetSocketAddress management = plugins.stream().filter(LabControl.class::isInstance)
                    .map(p -> ((LabControl) p).management().orElseThrow().address()).findFirst().orElseThrow();
            UnboundResolver unbound = resolver(dir.resolve("unbound"), unboundAnchors, server);
            return new SignedLab(dir, config, unboundAnchors, bindAnchors, server, unbound,
                    "http://127.0.0.1:" + management.getPort());
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
    }

    private static UnboundResolver resolver(Path work, Path anchors, CaadnsServer server) throws IOException {
        Files.createDirectories(work);
        return UnboundResolver.start(work, anchors,
                List.of(name("test."), name("lab.test."), name("tenants.test."), name("plain.test.")),
                server.udpAddresses().get(0), name("test."));
    }

    /**
     * Another Unbound with nothing learned yet: Unbound keeps validated DNSKEYs in its key cache even
     * with cache-max-ttl 0, so a fault on a zone's keys shows only to a resolver that meets it first.
     */
    UnboundResolver freshResolver(String label) throws IOException {
        return resolver(dir.resolve("unbound-" + label), unboundAnchors, server);
    }

    /** Runs a caadns command in-process; returns its standard output, failing on a non-zero exit. */
    static String cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cmd = Main.commandLine();
        cmd.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int code = cmd.execute(args);
        if (code != 0) {
            throw new AssertionError("caadns " + String.join(" ", args) + " exited " + code + ": " + err);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    static Name name(String text) {
        return dev.caadns.testsupport.Queries.name(text);
    }

    /** What delv (BIND's validating lookup tool) says about name/type with caadns's anchor, asking caadns. */
    String delv(String name, String type) throws IOException, InterruptedException {
        dev.caadns.testsupport.Command.require("delv", "bind9-dnsutils");
        InetSocketAddress caadns = server.udpAddresses().get(0);
        List<String> command = new ArrayList<>(List.of("delv", "@" + caadns.getAddress().getHostAddress(),
                "-p", String.valueOf(caadns.getPort()), "-a", bindAnchors.toString(), "+root=test.", name, type));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("delv did not finish: " + command);
        }
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    HttpResponse<String> call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(api + path)).timeout(Duration.ofSeconds(10))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        try {
            if (unbound != null) {
                unbound.close();
            }
        } finally {
            server.close();
        }
    }
}
