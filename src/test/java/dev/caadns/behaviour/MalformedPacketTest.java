package dev.caadns.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Broken packets: the server answers FORMERR (keeping our ID) or drops them, never answers a
 * response, never dies, and answers a normal query right after, over UDP and over TCP.
 */
class MalformedPacketTest extends ServedZoneTest {
    private static final Duration DROP_WAIT = Duration.ofMillis(500);
    private static final int ID = 0x4d41;

    @Override
    protected String zoneFolder() {
        return "basic";
    }

    static Stream<Arguments> packets() {
        return Stream.of(
                Arguments.of("empty", new byte[0]),
                Arguments.of("truncated header", new byte[] {0x4d, 0x41, 0, 0, 0}),
                Arguments.of("header only, QDCOUNT 1", header(0, 1)),
                Arguments.of("question cut in its name", concat(header(0, 1), new byte[] {3, 'w', 'w'})),
                Arguments.of("question without type and class", concat(header(0, 1), new byte[] {3, 'w', 'w', 'w', 0})),
                Arguments.of("label pointer past the end", concat(header(0, 1), new byte[] {(byte) 0xc0, (byte) 0xff, 0, 1, 0, 1})),
                Arguments.of("compression loop", concat(header(0, 1), new byte[] {(byte) 0xc0, 12, 0, 1, 0, 1})),
                Arguments.of("reserved label type 0x40", concat(header(0, 1), new byte[] {0x41, 'a', 0, 0, 1, 0, 1})),
                Arguments.of("QDCOUNT 0", header(0, 0)),
                Arguments.of("QDCOUNT 2", concat(header(0, 2), question(), question())),
                Arguments.of("QDCOUNT 2 with one question", concat(header(0, 2), question())),
                Arguments.of("ARCOUNT 1 with no record", concat(headerWithCounts(0, 1, 0, 0, 1), question())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void udpFormerrOrDropThenStillServes(String what, byte[] packet) {
        byte[] reply = client.udpRaw(server.udp(), packet, DROP_WAIT);
        if (reply != null) {
            assertFormerrFor(reply, what);
        }
        assertStillServes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void tcpFormerrOrCloseThenStillServes(String what, byte[] packet) {
        ByteBuffer framed = ByteBuffer.allocate(packet.length + 2).putShort((short) packet.length).put(packet);
        List<byte[]> replies = client.tcpRaw(server.tcp(), framed.array(), 1);
        replies.forEach(reply -> assertFormerrFor(reply, what));
        assertStillServes();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dropped")
    void responsesAreNeverAnswered(String what, byte[] packet) {
        assertThat(client.udpRaw(server.udp(), packet, DROP_WAIT)).as(what).isNull();
        assertStillServes();
    }

    static Stream<Arguments> dropped() {
        Message response = Queries.query(ID, "www.basic.test.", Type.A);
        response.getHeader().setFlag(Flags.QR);
        return Stream.of(Arguments.of("QR set", response.toWire()));
    }

    private static void assertFormerrFor(byte[] reply, String what) {
        assertThat(reply.length).as("%s: reply shorter than a header", what).isGreaterThanOrEqualTo(12);
        Message parsed = DnsTestClient.parse(reply);
        assertThat(parsed.getHeader().getFlag(Flags.QR)).as(what).isTrue();
        assertThat(Rcode.string(parsed.getRcode())).as(what).isEqualTo("FORMERR");
        assertThat(parsed.getHeader().getID()).as(what).isEqualTo(ID);
    }

    private void assertStillServes() {
        assertThat(udp("www.basic.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(tcp("www.basic.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    private static byte[] header(int flags, int qdcount) {
        return headerWithCounts(flags, qdcount, 0, 0, 0);
    }

    private static byte[] headerWithCounts(int flags, int qd, int an, int ns, int ar) {
        return ByteBuffer.allocate(12).putShort((short) ID).putShort((short) flags).putShort((short) qd)
                .putShort((short) an).putShort((short) ns).putShort((short) ar).array();
    }

    private static byte[] question() {
        return new byte[] {3, 'w', 'w', 'w', 5, 'b', 'a', 's', 'i', 'c', 4, 't', 'e', 's', 't', 0, 0, 1, 0, 1};
    }

    private static byte[] concat(byte[]... parts) {
        ByteBuffer all = ByteBuffer.allocate(Stream.of(parts).mapToInt(p -> p.length).sum());
        Stream.of(parts).forEach(all::put);
        return all.array();
    }
}
