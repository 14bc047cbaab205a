package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.admin.LabControl;
import dev.caadns.config.Settings;
import dev.caadns.config.SettingsLoader;
import dev.caadns.server.CaadnsServer;
import dev.caadns.server.Plugin;
import dev.caadns.testsupport.Command;
import dev.caadns.testsupport.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * README's "dns-01 with certbot, lego, acme.sh" as written, against caadns serving the example
 * caadns.conf: the config lines are the file's, nsupdate runs the README's script with the key file,
 * and certbot (certbot-dns-rfc2136) and lego (rfc2136, httpreq) run the README's commands against a
 * real Pebble CA that validates through caadns. Only the ports are the test's own.
 */
class Dns01EndToEndTest {
    private static final String SECTION = "## dns-01 with certbot, lego, acme.sh";

    @TempDir
    static Path dir;
    static CaadnsServer server;
    static int dnsPort;
    static int managementPort;
    static List<String> blocks;
    static Process pebble;
    static int acmePort;

    @BeforeAll
    static void start() throws Exception {
        blocks = codeBlocks(Files.readString(Path.of("README.md")));
        Settings settings = SettingsLoader.load(Optional.of(Path.of("caadns.conf")), Map.of(
                "listen", List.of("127.0.0.1:0"), "management.listen", "127.0.0.1:0", "workers", 1));
        List<Plugin> plugins = Plugins.forSettings(settings);
        server = CaadnsServer.start(settings, plugins);
        dnsPort = server.udpAddresses().get(0).getPort();
        managementPort = plugins.stream().filter(LabControl.class::isInstance).map(LabControl.class::cast)
                .findFirst().orElseThrow().management().orElseThrow().address().getPort();
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (pebble != null) {
            pebble.destroy();
            pebble.waitFor(5, TimeUnit.SECONDS);
        }
        server.close();
    }

    @Test
    void theConfigLinesAreTheExampleConfigs() throws IOException {
        String config = Files.readString(Path.of("caadns.conf"));
        for (String line : blocks.get(0).strip().split("\n")) {
            assertThat(config).contains(line);
        }
        String secret = secretOf(Files.readString(Path.of("tsig/acme-key.conf")));
        assertThat(blocks.get(2)).contains("dns_rfc2136_secret = " + secret);
        assertThat(blocks.get(4)).contains("RFC2136_TSIG_SECRET=" + secret);
    }

    @Test
    void nsupdateAddsAndDeletesATxtAndACaaRecord() throws Exception {
        Command.require("nsupdate", "bind9-dnsutils");
        Command.Result r = Command.run(List.of("sh", "-c", ports(blocks.get(1))), "", 60);
        assertThat(r.exitCode()).as(r.output()).isZero();
        String journal = get("/api/v1/journal?opcode=update");
        assertThat(journal).contains("+_acme-challenge.mail.lab.test. TXT \\\"hello\\\"")
                .contains("+mail.lab.test. CAA 0 issue \\\"letsencrypt.org\\\"")
                .contains("-_acme-challenge.mail.lab.test. TXT \\\"hello\\\"").contains("-mail.lab.test. CAA")
                .contains("\"tsigKey\":\"acme-key.\"").doesNotContain("REFUSED");
        assertThat(get("/api/v1/zones/lab.test./rrsets/mail/CAA")).contains("no CAA RRset");
    }

    @Test
    void certbotGetsACertificateFromPebbleThroughCaadns() throws Exception {
        Command.require("certbot", "certbot");
        Command.require("/usr/bin/python3", "python3-certbot-dns-rfc2136");
        startPebble();
        Path ini = dir.resolve("rfc2136.ini");
        Files.writeString(ini, ports(blocks.get(2)));
        Files.setPosixFilePermissions(ini, PosixFilePermissions.fromString("rw-------"));
        String command = ports(blocks.get(3)).replace("rfc2136.ini", ini.toString()).replace("certonly",
                "certonly --non-interactive --agree-tos -m admin@lab.test --config-dir " + dir.resolve("cb")
                        + " --work-dir " + dir.resolve("cb") + " --logs-dir " + dir.resolve("cb"));
        Command.Result r = Command.run(List.of("sh", "-c", command), "", 120);
        assertThat(r.output()).as(r.output()).contains("Successfully received certificate");
        assertThat(dir.resolve("cb/live/mail.lab.test/fullchain.pem")).exists();
    }

    @Test
    void legoGetsACertificateWithRfc2136AndWithHttpreq() throws Exception {
        Command.require("lego", "lego");
        startPebble();
        String[] commands = ports(blocks.get(4)).replace("\\\n", " ").strip().split("\n");
        assertThat(commands).hasSize(2);
        for (int i = 0; i < commands.length; i++) {
            String command = "LEGO_CA_CERTIFICATES=" + dir.resolve("pebble-cert.pem") + " " + commands[i]
                    .replace(" run", " --path " + dir.resolve("lego" + i) + " run");
            Command.Result r = Command.run(List.of("sh", "-c", command), "", 120);
            assertThat(r.output()).as(r.output()).contains("Server responded with a certificate");
        }
    }

    /** Pebble on free ports with a certificate for 127.0.0.1, checking dns-01 against caadns. */
    private static synchronized void startPebble() throws Exception {
        Command.require("pebble", "pebble");
        Command.require("openssl", "openssl");
        if (pebble != null) {
            return;
        }
        Command.Result cert = Command.run(List.of("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:P-256", "-nodes", "-keyout", dir.resolve("pebble-key.pem").toString(), "-out",
                dir.resolve("pebble-cert.pem").toString(), "-subj", "/CN=127.0.0.1", "-addext",
                "subjectAltName=IP:127.0.0.1,DNS:localhost", "-days", "2"), "", 30);
        assertThat(cert.exitCode()).as(cert.output()).isZero();
        acmePort = FreePorts.udpAndTcp();
        Path config = dir.resolve("pebble-config.json");
        Files.writeString(config, """
                { "pebble": { "listenAddress": "127.0.0.1:%d", "managementListenAddress": "127.0.0.1:%d",
                  "certificate": "%s", "privateKey": "%s", "httpPort": %d, "tlsPort": %d,
                  "ocspResponderURL": "", "externalAccountBindingRequired": false } }
                """.formatted(acmePort, FreePorts.udpAndTcp(), dir.resolve("pebble-cert.pem"),
                dir.resolve("pebble-key.pem"), FreePorts.udpAndTcp(), FreePorts.udpAndTcp()));
        ProcessBuilder builder = new ProcessBuilder("pebble", "-config", config.toString(), "-dnsserver",
                "127.0.0.1:" + dnsPort).redirectErrorStream(true).redirectOutput(dir.resolve("pebble.log").toFile());
        builder.environment().put("PEBBLE_VA_NOSLEEP", "1");
        builder.environment().put("PEBBLE_WFE_NONCEREJECT", "0");
        pebble = builder.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.readString(dir.resolve("pebble.log")).contains("Listening on")) {
            assertThat(pebble.isAlive()).as(Files.readString(dir.resolve("pebble.log"))).isTrue();
            assertThat(System.nanoTime()).as("pebble started within 20 s").isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    /** The README's ports (8053 DNS, 8055 management, 14000 the CA) replaced by the test's. */
    private static String ports(String text) {
        return text.replace("8053", String.valueOf(dnsPort)).replace("8055", String.valueOf(managementPort))
                .replace("14000", String.valueOf(acmePort));
    }

    private static String get(String path) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + managementPort + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body();
    }

    private static String secretOf(String keyFile) {
        Matcher m = Pattern.compile("secret \"([^\"]+)\"").matcher(keyFile);
        assertThat(m.find()).isTrue();
        return m.group(1);
    }

    /** The fenced code blocks of the README's dns-01 section, in order. */
    static List<String> codeBlocks(String readme) {
        int start = readme.indexOf(SECTION);
        assertThat(start).as("README has the section " + SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + SECTION.length());
        Matcher m = Pattern.compile("```[a-z]*\n(.*?)```", Pattern.DOTALL).matcher(readme.substring(start, end));
        List<String> found = new ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertThat(found).hasSize(5);
        return found;
    }
}
