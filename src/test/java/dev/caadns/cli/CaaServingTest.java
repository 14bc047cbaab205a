package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.caadns.server.CaadnsServer;
import dev.caadns.server.ServedZones;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * serve with the CAA plugin: a zone with a CAA error is refused (and the log says why, compiler
 * style) unless caa.allow-invalid or the record's marker waives it; waived records go out on the wire
 * exactly as written, RFC 3597 {@code \#} data included.
 */
class CaaServingTest {
    private static final String ISSUE_WITH_TRAILING_SEMICOLON = "ca.example; a=1;";

    @TempDir
    static Path zones;

    private static final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private static CaadnsServer byDefault;
    private static CaadnsServer labMode;

    @BeforeAll
    static void start() throws Exception {
        zone("good.test", "@ CAA 0 issue \"ca.example\"");
        zone("bad.test", "@ CAA 0 issue \"" + ISSUE_WITH_TRAILING_SEMICOLON + "\"");
        zone("marked.test", "@ CAA 0 issue \"" + ISSUE_WITH_TRAILING_SEMICOLON + "\" ; caadns:allow-invalid");
        zone("generic.test",
                "typed    CAA \\# 17 0005697373756563612e6578616d706c65",
                "taglen0  CAA \\# 4 00006162",
                "pastend  CAA \\# 4 00096973",
                "badchars CAA \\# 5 00022d2176",
                "reserved CAA \\# 9 82056973737565 6162");
        log.start();
        servedZonesLogger().addAppender(log);
        byDefault = TestServers.start(zones, false);
        labMode = TestServers.start(zones, true);
    }

    @AfterAll
    static void stop() {
        servedZonesLogger().detachAppender(log);
        for (CaadnsServer server : new CaadnsServer[] {byDefault, labMode}) {
            if (server != null) {
                server.close();
            }
        }
    }

    private static Logger servedZonesLogger() {
        return (Logger) LoggerFactory.getLogger(ServedZones.class);
    }

    /** The zone's own records from line 6 on. */
    private static void zone(String origin, String... lines) throws IOException {
        Files.writeString(zones.resolve(origin + ".zone"), String.join("\n",
                "$ORIGIN " + origin + ".",
                "$TTL 300",
                "@ SOA ns hostmaster 1 7200 3600 1209600 300",
                "@ NS ns",
                "ns A 127.0.0.1",
                String.join("\n", lines),
                ""));
    }

    private static InetSocketAddress udp(CaadnsServer server) {
        return server.udpAddresses().get(0);
    }

    private static byte[] issue(String value) {
        byte[] tag = "issue".getBytes(StandardCharsets.US_ASCII);
        byte[] text = value.getBytes(StandardCharsets.US_ASCII);
        byte[] rdata = new byte[2 + tag.length + text.length];
        rdata[1] = (byte) tag.length;
        System.arraycopy(tag, 0, rdata, 2, tag.length);
        System.arraycopy(text, 0, rdata, 2 + tag.length, text.length);
        return rdata;
    }

    @Test
    void byDefaultAZoneWithACaaErrorIsNotServed() throws IOException {
        assertThat(UdpQuery.rcode(UdpQuery.ask(udp(byDefault), "bad.test.", Type.CAA))).isEqualTo(Rcode.REFUSED);
        assertThat(UdpQuery.rcode(UdpQuery.ask(udp(byDefault), "generic.test.", Type.SOA))).isEqualTo(Rcode.REFUSED);

        byte[] good = UdpQuery.ask(udp(byDefault), "good.test.", Type.CAA);
        assertThat(UdpQuery.rcode(good)).isEqualTo(Rcode.NOERROR);
        assertThat(good).containsSequence(UdpQuery.rdlengthAndRdata(issue("ca.example")));
    }

    @Test
    void theLogSaysWhyInCompilerStyle() {
        List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();

        assertThat(lines).anySatisfy(line -> assertThat(line)
                        .startsWith(zones.resolve("bad.test.zone") + ":6: error[I-ISSUE-ABNF] bad.test.: ")
                        .contains(" hint: ").doesNotContain("allow-invalid"))
                .contains("zone bad.test. from " + zones.resolve("bad.test.zone") + " has errors; not served");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bad.test., lab mode", "marked.test., the record's marker"})
    void waivedErrorsAreServedByteExact(String name, String waivedBy) throws IOException {
        CaadnsServer server = waivedBy.equals("lab mode") ? labMode : byDefault;

        byte[] reply = UdpQuery.ask(udp(server), name, Type.CAA);

        assertThat(UdpQuery.rcode(reply)).isEqualTo(Rcode.NOERROR);
        assertThat(UdpQuery.answerCount(reply)).isEqualTo(1);
        assertThat(reply).containsSequence(UdpQuery.rdlengthAndRdata(issue(ISSUE_WITH_TRAILING_SEMICOLON)));
    }

    @ParameterizedTest(name = "{0} CAA \\# {1}")
    @CsvSource({
        "typed,    0005697373756563612e6578616d706c65",
        "taglen0,  00006162",
        "pastend,  00096973",
        "badchars, 00022d2176",
        "reserved, 820569737375656162",
    })
    void rfc3597CaaIsServedByteExactInLabMode(String owner, String hex) throws IOException {
        byte[] reply = UdpQuery.ask(udp(labMode), owner + ".generic.test.", Type.CAA);

        assertThat(UdpQuery.rcode(reply)).isEqualTo(Rcode.NOERROR);
        assertThat(UdpQuery.answerCount(reply)).isEqualTo(1);
        assertThat(reply).containsSequence(UdpQuery.rdlengthAndRdata(HexFormat.of().parseHex(hex)));
    }
}
