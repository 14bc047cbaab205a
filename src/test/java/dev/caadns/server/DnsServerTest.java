package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSIDOption;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The network front end: IPv6, NSID, TCP limits and whole 64 KiB answers, through real sockets. */
class DnsServerTest {
    private static final Name ORIGIN = Name.fromConstantString("net.test.");
    private static final int BIG_RECORDS = 450;
    @TempDir
    static Path dir;
    private static Path zone;
    private final DnsTestClient client = new DnsTestClient();

    @BeforeAll
    static void writeZone() throws IOException {
        StringBuilder text = new StringBuilder("$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 127.0.0.1\n");
        for (int i = 0; i < BIG_RECORDS; i++) {
            text.append("big TXT \"").append(String.format("%03d", i)).append("x".repeat(120)).append("\"\n");
        }
        zone = dir.resolve("net.test.zone");
        Files.writeString(zone, text);
    }

    @Test
    void answersOnIpv6LoopbackOverUdpAndTcp() {
        try (CaadnsTarget server = CaadnsTarget.start(Map.of(ORIGIN, zone), Map.of("listen", List.of("[::1]:0")))) {
            assertThat(server.udp().getAddress().getHostAddress()).isEqualTo("0:0:0:0:0:0:0:1");
            Message udp = client.udp(server, Queries.query(1, ORIGIN, Type.SOA));
            Message tcp = client.tcp(server, Queries.query(2, ORIGIN, Type.SOA));

            assertThat(udp.getSection(Section.ANSWER)).hasSize(1);
            assertThat(tcp.getSection(Section.ANSWER)).hasSize(1);
        }
    }

    @Test
    void nsidIsSentOnlyWhenAskedFor() {
        try (CaadnsTarget server = CaadnsTarget.start(Map.of(ORIGIN, zone), Map.of("edns.nsid", "lab-1"))) {
            Message asked = Queries.query(3, ORIGIN, Type.SOA);
            asked.removeAllRecords(Section.ADDITIONAL);
            asked.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(new NSIDOption(new byte[0]))), Section.ADDITIONAL);

            Message withNsid = client.udp(server, asked);
            Message without = client.udp(server, Queries.query(4, ORIGIN, Type.SOA, 1232, false));

            List<EDNSOption> options = withNsid.getOPT().getOptions(EDNSOption.Code.NSID);
            assertThat(options).hasSize(1);
            byte[] option = options.get(0).toWire();
            assertThat(new String(option, 4, option.length - 4, StandardCharsets.US_ASCII)).isEqualTo("lab-1");
            assertThat(without.getOPT().getOptions(EDNSOption.Code.NSID)).isEmpty();
        }
    }

    @Test
    void aLargeAnswerTruncatesOverUdpAndComesWholeOverTcp() {
        try (CaadnsTarget server = CaadnsTarget.start(Map.of(ORIGIN, zone))) {
            Name big = Name.fromConstantString("big.net.test.");
            Message udp = client.udp(server, Queries.query(5, big, Type.TXT, 1232, false));
            Message tcp = client.tcp(server, Queries.query(6, big, Type.TXT));

            assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
            assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
            assertThat(tcp.getSection(Section.ANSWER)).hasSize(BIG_RECORDS);
            assertThat(tcp.numBytes()).isGreaterThan(50_000);
        }
    }

    @Test
    void anIdleTcpConnectionIsClosedByTheServer() throws IOException {
        try (CaadnsTarget server = CaadnsTarget.start(Map.of(ORIGIN, zone), Map.of("tcp.idle-timeout", "200ms"));
             Socket socket = connect(server.tcp())) {
            socket.setSoTimeout(10_000);

            assertThat(socket.getInputStream().read()).as("end of stream once idle").isEqualTo(-1);
        }
    }

    @Test
    void connectionsOverTheCapAreClosedAndTheOthersStillServe() throws IOException {
        try (CaadnsTarget server = CaadnsTarget.start(Map.of(ORIGIN, zone), Map.of("tcp.max-connections", 2))) {
            List<Socket> open = new ArrayList<>();
            try {
                open.add(connect(server.tcp()));
                open.add(connect(server.tcp()));
                // Answered only once accepted, so both connections count before the third arrives.
                for (Socket s : open) {
                    assertThat(exchange(s, Queries.query(7, ORIGIN, Type.SOA)).getRcode()).isEqualTo(Rcode.NOERROR);
                }
                Socket third = connect(server.tcp());
                open.add(third);
                third.setSoTimeout(10_000);

                assertThat(third.getInputStream().read()).as("third connection closed").isEqualTo(-1);
                assertThat(exchange(open.get(0), Queries.query(8, ORIGIN, Type.SOA)).getRcode())
                        .isEqualTo(Rcode.NOERROR);
            } finally {
                for (Socket s : open) {
                    s.close();
                }
            }
        }
    }

    private static Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, 5_000);
        return socket;
    }

    private static Message exchange(Socket socket, Message query) throws IOException {
        byte[] wire = query.toWire();
        socket.setSoTimeout(5_000);
        var out = socket.getOutputStream();
        out.write(new byte[] {(byte) (wire.length >> 8), (byte) wire.length});
        out.write(wire);
        out.flush();
        InputStream in = socket.getInputStream();
        byte[] length = in.readNBytes(2);
        byte[] reply = in.readNBytes(((length[0] & 0xff) << 8) | (length[1] & 0xff));
        return new Message(reply);
    }
}
