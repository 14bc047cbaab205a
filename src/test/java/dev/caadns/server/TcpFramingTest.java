package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.TcpConnection;
import dev.caadns.testsupport.TestZones;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.GenericEDNSOption;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** RFC 7766 framing: every legal message length is read, and replies due go out before a close. */
class TcpFramingTest {
    private static final Name ORIGIN = Name.fromConstantString("frame.test.");
    private static final Duration WAIT = Duration.ofSeconds(5);
    @TempDir
    static Path dir;
    private static Map<Name, Path> zone;

    @BeforeAll
    static void writeZone() {
        zone = TestZones.write(dir, ORIGIN, "");
    }

    @ParameterizedTest
    @ValueSource(ints = {65533, 65534, 65535})
    void aQueryOfAnyLegalLengthIsAnswered(int length) {
        byte[] query = paddedQuery(10, length);
        assertThat(query).hasSize(length);
        try (CaadnsTarget server = CaadnsTarget.start(zone);
             TcpConnection tcp = TcpConnection.open(server.tcp())) {
            tcp.write(TcpConnection.framed(query));

            byte[] reply = tcp.readReply(WAIT);
            assertThat(reply).as("a reply, not a reset").isNotNull();
            Message answer = DnsTestClient.parse(reply);
            assertThat(answer.getHeader().getID()).isEqualTo(10);
            assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
        }
    }

    @Test
    void aReplyDueIsSentEvenWhenTheNextPrefixAnnouncesTheLongestMessage() {
        byte[] first = TcpConnection.framed(Queries.query(11, ORIGIN, Type.SOA).toWire());
        byte[] bytes = new byte[first.length + 2];
        System.arraycopy(first, 0, bytes, 0, first.length);
        bytes[first.length] = (byte) 0xFF;
        bytes[first.length + 1] = (byte) 0xFE;
        try (CaadnsTarget server = CaadnsTarget.start(zone);
             TcpConnection tcp = TcpConnection.open(server.tcp())) {
            tcp.write(bytes);

            byte[] reply = tcp.readReply(WAIT);
            assertThat(reply).as("the first query's reply").isNotNull();
            assertThat(DnsTestClient.parse(reply).getHeader().getID()).isEqualTo(11);
        }
    }

    @Test
    void aClientThatHalfClosesGetsItsDelayedReplies() {
        Map<String, Object> settings = Map.of("faults",
                List.of(Map.of("name", ORIGIN.toString(), "action", "none", "delay", 300)));
        try (CaadnsTarget server = CaadnsTarget.start(zone, settings);
             TcpConnection tcp = TcpConnection.open(server.tcp())) {
            tcp.write(TcpConnection.framed(Queries.query(12, ORIGIN, Type.SOA).toWire()));
            tcp.shutdownOutput();

            byte[] reply = tcp.readReply(WAIT);
            assertThat(reply).as("the delayed reply").isNotNull();
            assertThat(DnsTestClient.parse(reply).getHeader().getID()).isEqualTo(12);
            assertThat(tcp.closedWithin(WAIT)).as("then the server closes its side").isTrue();
        }
    }

    /** A SOA query grown to exactly {@code length} bytes with an EDNS Padding option (RFC 7830). */
    private static byte[] paddedQuery(int id, int length) {
        int unpadded = withPadding(id, 0).toWire().length;
        return withPadding(id, length - unpadded).toWire();
    }

    private static Message withPadding(int id, int bytes) {
        Message query = Queries.query(id, ORIGIN, Type.SOA, Queries.NO_EDNS, false);
        query.addRecord(new OPTRecord(1232, 0, 0, 0,
                List.of(new GenericEDNSOption(EDNSOption.Code.PADDING, new byte[bytes]))), Section.ADDITIONAL);
        return query;
    }
}
