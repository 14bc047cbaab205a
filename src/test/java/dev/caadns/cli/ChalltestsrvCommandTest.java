package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.admin.LabControl;
import dev.caadns.admin.LabSettings;
import dev.caadns.config.OutsideZones;
import dev.caadns.config.Settings;
import dev.caadns.server.CaadnsServer;
import dev.caadns.server.Plugin;
import dev.caadns.testsupport.Command;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.TlsClients;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import picocli.CommandLine;

/** {@code caadns challtestsrv}: pebble-challtestsrv's flags, Go style, with its defaults and answers. */
class ChalltestsrvCommandTest {
    private static final int SERVER_EXIT = 7;

    @TempDir
    Path dir;

    private final List<Settings> started = new ArrayList<>();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine command = new CommandLine(new ChalltestsrvCommand(settings -> {
            started.add(settings);
            return SERVER_EXIT;
        }));
        command.setErr(new PrintWriter(err, true));
        return command.execute(args);
    }

    @Test
    void boulderStartsItWithTheseFlagsAndGetsChalltestsrvsWorld() throws Exception {
        int exit = run("--doh", ":8343,:8443", "--doh-cert", "test/certs/cert.pem", "--doh-cert-key",
                "test/certs/key.pem", "--dns01", ":8053,:8054", "--management", ":8055",
                "--defaultIPv4", "10.77.77.77", "-defaultIPv6", "");

        assertThat(exit).isEqualTo(SERVER_EXIT);
        Settings s = started.get(0);
        assertThat(s.listen()).extracting(InetSocketAddress::getPort).containsExactly(8053, 8054);
        assertThat(s.listen()).allSatisfy(a -> assertThat(a.getAddress().isAnyLocalAddress()).isTrue());
        assertThat(s.dohListen()).extracting(InetSocketAddress::getPort).containsExactly(8343, 8443);
        assertThat(s.tlsCert()).hasValue(Path.of("test/certs/cert.pem"));
        assertThat(s.tlsKey()).hasValue(Path.of("test/certs/key.pem"));
        assertThat(s.outsideZones()).isEqualTo(OutsideZones.CHALLTESTSRV);
        assertThat(s.hasZoneFiles()).as("challtestsrv serves no zone files unless given some").isFalse();
        LabSettings lab = LabSettings.from(s);
        assertThat(lab.listen().orElseThrow().getPort()).isEqualTo(8055);
        assertThat(lab.listen().orElseThrow().getAddress().isAnyLocalAddress()).isTrue();
        assertThat(lab.token()).isEmpty();
        assertThat(lab.defaultIpv4().orElseThrow().getHostAddress()).isEqualTo("10.77.77.77");
        assertThat(lab.defaultIpv6()).isEmpty();
    }

    @Test
    void withoutFlagsItHasChalltestsrvsDefaults() throws Exception {
        run();

        Settings s = started.get(0);
        assertThat(s.listen()).extracting(InetSocketAddress::getPort).containsExactly(8053);
        LabSettings lab = LabSettings.from(s);
        assertThat(lab.listen().orElseThrow().getPort()).isEqualTo(8055);
        assertThat(lab.defaultIpv4().orElseThrow().getHostAddress()).isEqualTo("127.0.0.1");
        assertThat(lab.defaultIpv6().orElseThrow().isLoopbackAddress()).isTrue();
    }

    @Test
    void goFlagFormsAndTheOldNameAllMeanTheSame() {
        run("-dnsserver=127.0.0.1:5353");
        run("--dnsserver", "127.0.0.1:5353");
        run("-dns01", "127.0.0.1:5353");
        run("--dns01=127.0.0.1:5353");

        assertThat(started).hasSize(4).allSatisfy(s ->
                assertThat(s.listen()).containsExactly(new InetSocketAddress("127.0.0.1", 5353)));
    }

    @Test
    void anEmptyListTurnsAListenerOffAndBlanksAreDropped() throws Exception {
        run("-dnsserver", "127.0.0.1:5353, ,[::1]:5353,", "-management", "");

        Settings s = started.get(0);
        assertThat(s.listen()).containsExactly(new InetSocketAddress("127.0.0.1", 5353),
                new InetSocketAddress("::1", 5353));
        assertThat(LabSettings.from(s).listen()).isEmpty();
    }

    @Test
    void zonesAreServedWhenGivenAndOtherKeysComeFromTheConfigFile() throws Exception {
        Path config = Files.writeString(dir.resolve("lab.conf"), "journal.size = 77\nlisten = [\"127.0.0.1:1\"]\n");

        run("--zones", dir.toString(), "--config", config.toString(), "-dnsserver", "127.0.0.1:5353");

        Settings s = started.get(0);
        assertThat(s.zonesDirectory()).isEqualTo(dir);
        assertThat(LabSettings.from(s).journalSize()).isEqualTo(77);
        assertThat(s.listen()).as("challtestsrv's flags win over the file")
                .containsExactly(new InetSocketAddress("127.0.0.1", 5353));
    }

    @Test
    void aConfigFileThatNamesNoZonesServesNone() throws Exception {
        Path config = Files.writeString(dir.resolve("journal.conf"), "journal.size = 5\n");

        run("--config", config.toString());

        assertThat(started.get(0).hasZoneFiles()).isFalse();
    }

    @Test
    void badAddressesAndStrayArgumentsExitTwoWithAMessage() {
        assertThat(run("-dnsserver", "8053")).isEqualTo(2);
        assertThat(err.toString()).contains("-dnsserver: \"8053\" needs a port, like :8053 or 127.0.0.1:8053");
        assertThat(run("-management", "127.0.0.1:1,127.0.0.1:2")).isEqualTo(2);
        assertThat(err.toString()).contains("-management: one address");
        assertThat(run("-dnsserver", "localhost:8053")).isEqualTo(2);
        assertThat(err.toString()).contains("host names are not resolved");
        assertThat(run("extra")).isEqualTo(2);
        assertThat(started).isEmpty();
    }

    /** The whole command through real sockets: dig and kdig climb to the TLD, the history names each query. */
    @Test
    void aCaaClimbForAnUnknownNameIsNoerrorAtEveryLabel() throws Exception {
        Command.require("dig", "bind9-dnsutils");
        Command.require("kdig", "knot-dnsutils");
        run("-dnsserver", "127.0.0.1:0", "-management", "127.0.0.1:0", "-doh", "", "--workers", "1");
        Settings settings = started.get(0);
        List<Plugin> plugins = Plugins.forSettings(settings);
        try (CaadnsServer server = CaadnsServer.start(settings, plugins)) {
            int port = server.udpAddresses().get(0).getPort();
            for (String name : List.of("shop.unknown.example.", "unknown.example.", "example.")) {
                String dig = output("dig", "@127.0.0.1", "-p", "" + port, name, "CAA", "+noall", "+comments",
                        "+authority");
                assertThat(dig).as(name).contains("status: NOERROR").contains("flags: qr aa rd;")
                        .contains("ANSWER: 0").containsPattern("\\.\\s+0\\s+IN\\s+SOA\\s+ns\\.caadns\\.invalid\\.");
                String kdig = output("kdig", "@127.0.0.1", "-p", "" + port, "+tcp", name, "CAA");
                assertThat(kdig).as(name).contains("status: NOERROR").contains("ANSWER: 0");
            }
            assertThat(output("dig", "@127.0.0.1", "-p", "" + port, "shop.unknown.example.", "A", "+short").trim())
                    .isEqualTo("127.0.0.1");

            LabControl lab = plugins.stream().filter(LabControl.class::isInstance).map(LabControl.class::cast)
                    .findFirst().orElseThrow();
            int api = lab.management().orElseThrow().address().getPort();
            HttpResponse<String> history = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api + "/dns-request-history"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"host\":\"shop.unknown.example\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(history.body()).isEqualTo("[{\"Question\":{\"Name\":\"shop.unknown.example.\",\"Qtype\":257,"
                    + "\"Qclass\":1},\"UserAgent\":\"\"},{\"Question\":{\"Name\":\"shop.unknown.example.\",\"Qtype\":257,"
                    + "\"Qclass\":1},\"UserAgent\":\"\"},{\"Question\":{\"Name\":\"shop.unknown.example.\",\"Qtype\":1,"
                    + "\"Qclass\":1},\"UserAgent\":\"\"}]");
        }
    }


    /**
     * The "done when": Boulder's VA asks CAA at the name and every parent over DoH (HTTP/2,
     * RD and AD set, EDNS 4096), each label answers NOERROR, and the history names its User-Agent.
     */
    @Test
    void boulderLinesDohAnswersTheCaaClimbAndTheHistoryKeepsTheUserAgent() throws Exception {
        Path config = Files.writeString(dir.resolve("lab.conf"), "state.directory = \"" + dir.resolve("state") + "\"\n");
        run("--config", config.toString(), "--doh", "127.0.0.1:0", "--dns01", "127.0.0.1:0", "--management",
                "127.0.0.1:0", "--defaultIPv4", "10.77.77.77", "-defaultIPv6", "", "--workers", "1");
        Settings settings = started.get(0);
        List<Plugin> plugins = Plugins.forSettings(settings);
        try (CaadnsServer server = CaadnsServer.start(settings, plugins)) {
            HttpClient doh = TlsClients.http(TlsClients.trusting(dir.resolve("state/tls/ca.pem")), HttpClient.Version.HTTP_2);
            URI uri = TlsClients.dohUri(server.dohAddresses().get(0), "/dns-query");
            for (String name : List.of("www.unknown.example.", "unknown.example.", "example.")) {
                Message query = Queries.query(0, Queries.name(name), org.xbill.DNS.Type.CAA, 4096, false);
                query.getHeader().setFlag(org.xbill.DNS.Flags.RD);
                query.getHeader().setFlag(org.xbill.DNS.Flags.AD);
                HttpResponse<byte[]> response = TlsClients.post(doh, uri, query.toWire(), "remoteva-a");
                assertThat(response.statusCode()).as(name).isEqualTo(200);
                Message reply = new Message(response.body());
                assertThat(reply.getRcode()).as(name).isEqualTo(org.xbill.DNS.Rcode.NOERROR);
                assertThat(reply.getHeader().getFlag(org.xbill.DNS.Flags.TC)).as(name).isFalse();
            }
            LabControl lab = plugins.stream().filter(LabControl.class::isInstance).map(LabControl.class::cast)
                    .findFirst().orElseThrow();
            int api = lab.management().orElseThrow().address().getPort();
            HttpResponse<String> history = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api + "/dns-request-history"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"host\":\"www.unknown.example\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(history.body()).isEqualTo("[{\"Question\":{\"Name\":\"www.unknown.example.\",\"Qtype\":257,"
                    + "\"Qclass\":1},\"UserAgent\":\"remoteva-a\"}]");
        }
    }

    private static String output(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }
}
