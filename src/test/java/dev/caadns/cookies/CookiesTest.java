package dev.caadns.cookies;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.KnotServer;
import dev.caadns.testsupport.Targets;
import dev.caadns.testsupport.TestZones;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.CookieOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * DNS Cookies through real sockets: dnsjava for exact bytes, dig and kdig as the clients people use,
 * and Knot's mod-cookies as the referee for what both servers must do alike.
 */
class CookiesTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] CLIENT = HEX.parseHex("2464c4abcf10c957");
    /** A server cookie neither server made. */
    private static final byte[] FOREIGN = HEX.parseHex("aabbccddeeff00112233445566778899");
    private static final int BADCOOKIE = 23;

    @TempDir
    static Path dir;
    static CaadnsTarget caadns;
    static CaadnsTarget requiring;
    static CaadnsTarget slipping;
    static KnotServer knot;
    private static final DnsTestClient client = new DnsTestClient();

    @BeforeAll
    static void start() throws Exception {
        Map<Name, Path> zones = TestZones.write(dir, Name.fromString("lab.test."),
                "www A 192.0.2.80\n@ CAA 0 issue \"ca.example\"\n");
        caadns = CaadnsTarget.start(zones);
        requiring = CaadnsTarget.start(zones, Map.of("cookies.require-server-cookie", true));
        slipping = CaadnsTarget.start(zones, Map.of("cookies.badcookie-slip", 3));
        Path knotDir = Files.createDirectories(dir.resolve("knot"));
        if (Files.isExecutable(KnotServer.KNOTD)) {
            knot = KnotServer.start(knotDir, zones, List.of("mod-cookies"));
        }
    }

    @AfterAll
    static void stop() {
        Targets.closeAll(caadns, requiring, slipping, knot);
    }

    private static List<DnsTarget> both() {
        KnotServer.assumeInstalled();
        return List.of(caadns, knot);
    }

    private static Message query(EDNSOption... options) throws Exception {
        Message q = new Message(4242);
        q.addRecord(Record.newRecord(Name.fromString("www.lab.test."), Type.A, DClass.IN), Section.QUESTION);
        q.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(options)), Section.ADDITIONAL);
        return q;
    }

    private static EDNSOption cookie(byte[] client, byte[] server) {
        return server == null ? new CookieOption(client) : new CookieOption(client, server);
    }

    private static CookieOption cookieOf(Message reply) {
        List<EDNSOption> options = reply.getOPT().getOptions(EDNSOption.Code.COOKIE);
        assertThat(options).as("COOKIE options in the reply").hasSize(1);
        return (CookieOption) options.get(0);
    }

    private static byte[] serverCookieFrom(DnsTarget target) throws Exception {
        // Knot answers a client cookie alone with BADCOOKIE, caadns with an answer: a server cookie either way.
        return cookieOf(client.udp(target, query(cookie(CLIENT, null)))).getServerCookie().orElseThrow();
    }

    @Test
    void aClientCookieAloneGetsAServerCookieBackWithTheAnswer() throws Exception {
        Message reply = client.udp(caadns, query(cookie(CLIENT, null)));

        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getSection(Section.ANSWER)).hasSize(1);
        CookieOption cookie = cookieOf(reply);
        assertThat(cookie.getClientCookie()).isEqualTo(CLIENT);
        assertThat(cookie.getServerCookie().orElseThrow()).hasSize(16)
                .startsWith(1, 0, 0, 0); // RFC 9018: version 1, reserved 0
    }

    @Test
    void theServerCookieGivenBackIsAcceptedAndEchoed() throws Exception {
        for (DnsTarget target : both()) {
            byte[] server = serverCookieFrom(target);
            Message reply = client.udp(target, query(cookie(CLIENT, server)));

            assertThat(reply.getRcode()).as(target.name()).isEqualTo(Rcode.NOERROR);
            assertThat(reply.getSection(Section.ANSWER)).as(target.name()).hasSize(1);
            assertThat(cookieOf(reply).getServerCookie().orElseThrow()).as(target.name()).isEqualTo(server);
        }
    }

    @Test
    void aServerCookieNotOursGetsBadcookieAndAFreshOneOverUdp() throws Exception {
        for (DnsTarget target : both()) {
            Message reply = client.udp(target, query(cookie(CLIENT, FOREIGN)));

            assertThat(reply.getRcode()).as(target.name()).isEqualTo(BADCOOKIE);
            assertThat(reply.getQuestion()).as(target.name()).isNotNull();
            assertThat(reply.getSection(Section.ANSWER)).as(target.name()).isEmpty();
            CookieOption fresh = cookieOf(reply);
            assertThat(fresh.getClientCookie()).as(target.name()).isEqualTo(CLIENT);
            byte[] server = fresh.getServerCookie().orElseThrow();
            assertThat(server).as(target.name()).hasSize(16).isNotEqualTo(FOREIGN);
            // The client retries with the fresh cookie, as dig and kdig do, and gets its answer.
            assertThat(client.udp(target, query(cookie(CLIENT, server))).getRcode()).as(target.name())
                    .isEqualTo(Rcode.NOERROR);
        }
    }

    @Test
    void overTcpABadServerCookieIsAnsweredNormally() throws Exception {
        for (DnsTarget target : both()) {
            Message reply = client.tcp(target, query(cookie(CLIENT, FOREIGN)));

            assertThat(reply.getRcode()).as(target.name()).isEqualTo(Rcode.NOERROR);
            assertThat(reply.getSection(Section.ANSWER)).as(target.name()).hasSize(1);
        }
    }

    @ParameterizedTest(name = "COOKIE option of {0} octets")
    @ValueSource(ints = {0, 7, 9, 15, 41})
    void aMalformedCookieOptionIsFormerr(int length) throws Exception {
        for (DnsTarget target : both()) {
            Message reply = client.udp(target, query(new GenericEDNSOption(EDNSOption.Code.COOKIE, new byte[length])));
            assertThat(reply.getRcode()).as(target.name()).isEqualTo(Rcode.FORMERR);
        }
    }

    @Test
    void withRequireServerCookieAClientCookieAloneIsBadcookieAsKnotAnswers() throws Exception {
        List<DnsTarget> targets = new ArrayList<>(List.of(requiring));
        if (knot != null) {
            targets.add(knot);
        }
        for (DnsTarget target : targets) {
            Message reply = client.udp(target, query(cookie(CLIENT, null)));
            assertThat(reply.getRcode()).as(target.name()).isEqualTo(BADCOOKIE);
            assertThat(cookieOf(reply).getServerCookie()).as(target.name()).isPresent();
            assertThat(client.tcp(target, query(cookie(CLIENT, null))).getRcode()).as(target.name())
                    .isEqualTo(Rcode.NOERROR);
        }
    }

    @Test
    void theSlipAnswersEveryThirdBadCookieAndDropsTheRest() throws Exception {
        byte[] wire = query(cookie(CLIENT, FOREIGN)).toWire();
        List<Boolean> answered = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            answered.add(client.udpRaw(slipping.udp(), wire, Duration.ofMillis(400)) != null);
        }
        assertThat(answered).containsExactly(true, false, false, true, false, false);
        assertThat(slipping.server().counters()).filteredOn(c -> c.name().equals("caadns_cookies_total"))
                .singleElement().satisfies(c ->
                assertThat(c.values().get()).containsEntry("badcookie", 2L).containsEntry("slipped", 4L));
    }

    @Test
    void digAndKdigRetryWithTheFreshCookieAndGetTheirAnswer() throws Exception {
        String port = String.valueOf(caadns.udp().getPort());
        String stale = HEX.formatHex(CLIENT) + HEX.formatHex(FOREIGN);
        String dig = run("dig", "@127.0.0.1", "-p", port, "www.lab.test", "A", "+cookie=" + stale);
        assertThat(dig).contains("BADCOOKIE, retrying.").contains("status: NOERROR").contains("192.0.2.80")
                .containsPattern("; COOKIE: 2464c4abcf10c95701000000[0-9a-f]{24} \\(good\\)");
        String kdig = run("kdig", "@127.0.0.1", "-p", port, "www.lab.test", "A", "+cookie=" + stale);
        assertThat(kdig).contains("status: BADCOOKIE").contains("status: NOERROR").contains("192.0.2.80")
                .contains("retrying with the received one");
        String fresh = run("kdig", "@127.0.0.1", "-p", port, "www.lab.test", "A", "+cookie");
        assertThat(fresh).contains("status: NOERROR").containsPattern(";; COOKIE: [0-9A-F]{16}01000000[0-9A-F]{24}");
    }

    private static String run(String... command) throws Exception {
        boolean installed = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .anyMatch(d -> Files.isExecutable(Path.of(d, command[0])));
        org.junit.jupiter.api.Assumptions.assumeTrue(installed, command[0] + " is not installed");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            assertThat(p.waitFor(15, TimeUnit.SECONDS)).as(Arrays.toString(command)).isTrue();
            return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            p.destroyForcibly();
        }
    }
}
