package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.config.Settings;
import dev.caadns.config.SettingsLoader;
import dev.caadns.server.CaadnsServer;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.FreePorts;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.UnboundResolver;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * README's DNSSEC section as written, on a copy of examples/dnssec-lab with free ports in place of
 * 8153-8155: the anchor from {@code caadns dnssec anchors}, Unbound answering AD for lab.test CAA,
 * SERVFAIL once the README's curl adds an rrsig-expired fault, and caatestsuite's cases bogus.
 */
class DnssecReadmeTest {
    @TempDir
    Path dir;

    @Test
    void theReadmesSignedLabWorksAsWritten() throws Exception {
        UnboundResolver.assumeInstalled();
        Path readme = Path.of("README.md");
        String section = Files.readString(readme);
        String anchorsLine = "mkdir -p target && ./caadns dnssec anchors --config examples/dnssec-lab/caadns.conf"
                + " --format unbound > target/dnssec-lab.anchors";
        String curlBody = "{\"name\":\"shop.lab.test.\",\"types\":[\"CAA\"],\"action\":\"rrsig-expired\"}";
        assertThat(section).contains("./caadns serve --config examples/dnssec-lab/caadns.conf", anchorsLine,
                "unbound -d -c examples/dnssec-lab/unbound.conf", "dig @127.0.0.1 -p 8154 lab.test CAA +dnssec",
                "curl -X POST -d '" + curlBody + "' localhost:8155/api/v1/faults",
                "dig @127.0.0.1 -p 8154 shop.lab.test CAA +dnssec");

        int dns = FreePorts.udpAndTcp();
        int resolver = FreePorts.udpAndTcp();
        int api = FreePorts.udpAndTcp();
        Path lab = Files.createDirectories(dir.resolve("examples/dnssec-lab/zones"));
        Path example = Path.of("examples/dnssec-lab");
        try (var zones = Files.list(example.resolve("zones"))) {
            for (Path zone : zones.toList()) {
                Files.copy(zone, lab.resolve(zone.getFileName()));
            }
        }
        Path config = dir.resolve("examples/dnssec-lab/caadns.conf");
        Files.writeString(config, ports(Files.readString(example.resolve("caadns.conf")), dns, resolver, api));
        Path unboundConf = dir.resolve("examples/dnssec-lab/unbound.conf");
        Files.writeString(unboundConf, ports(Files.readString(example.resolve("unbound.conf")), dns, resolver, api)
                .replace("directory: \".\"", "directory: \"" + dir + "\""));

        Files.createDirectories(dir.resolve("target"));
        Files.writeString(dir.resolve("target/dnssec-lab.anchors"),
                SignedLab.cli("dnssec", "anchors", "--config", config.toString(), "--format", "unbound"));
        Settings settings = SettingsLoader.load(Optional.of(config), Map.of());
        try (CaadnsServer server = CaadnsServer.start(settings, Plugins.forSettings(settings));
             UnboundResolver unbound = UnboundResolver.start(unboundConf, resolver, dir.resolve("unbound.log"),
                     Queries.name("test."))) {
            String positive = dig(resolver, "lab.test");
            assertThat(positive).contains("status: NOERROR").containsPattern("flags: qr rd ra ad;");
            String added = run("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "-d", curlBody,
                    "localhost:" + api + "/api/v1/faults");
            assertThat(added).isEqualTo("201");
            assertThat(dig(resolver, "shop.lab.test")).contains("status: SERVFAIL");
            assertThat(dig(resolver, "lab.test")).as("the rest stays secure").containsPattern("flags: qr rd ra ad;");

            assertThat(section).contains("$ ./caadns explain expired.caatestsuite-dnssec.test --ca letsencrypt.org"
                    + " --config examples/dnssec-lab/caadns.conf 2>/dev/null | tail -3",
                    "dnssec: bogus - expired.caatestsuite-dnssec.test. DNSKEY: RRSIG expired at ...");
            Map<String, String> verdicts = Map.of("lab.test", "dnssec: secure", "expired", "dnssec: bogus - "
                    + "expired.caatestsuite-dnssec.test. DNSKEY: RRSIG expired at ", "missing", "dnssec: bogus",
                    "blackhole", "dnssec: failed", "servfail", "dnssec: failed", "refused", "dnssec: failed");
            for (Map.Entry<String, String> v : verdicts.entrySet()) {
                String name = v.getKey().equals("lab.test") ? "lab.test" : v.getKey() + ".caatestsuite-dnssec.test";
                assertThat(SignedLab.cli("explain", name, "--ca", "letsencrypt.org", "--config", config.toString()))
                        .as(name).contains(v.getValue());
            }
            assertThat(run("curl", "-s", "localhost:" + api + "/api/v1/dnssec/anchors"))
                    .contains("\"ds\"", "\"unbound\"", "\"bind\"", "static-ds");

            DnsTestClient client = new DnsTestClient(Duration.ofSeconds(3));
            for (String bogus : List.of("expired", "missing", "servfail", "refused")) {
                Message query = Queries.query(1, Queries.name(bogus + ".caatestsuite-dnssec.test."), Type.CAA, 1232, true);
                query.getHeader().setFlag(Flags.RD);
                assertThat(client.udp(unbound, query).getRcode()).as(bogus).isEqualTo(Rcode.SERVFAIL);
            }
        }
    }

    private static String ports(String text, int dns, int resolver, int api) {
        return text.replace("8153", String.valueOf(dns)).replace("8154", String.valueOf(resolver))
                .replace("8155", String.valueOf(api));
    }

    /** The README's dig line for name, at the resolver's port. */
    private static String dig(int port, String name) throws Exception {
        return run("dig", "@127.0.0.1", "-p", String.valueOf(port), name, "CAA", "+dnssec");
    }

    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
