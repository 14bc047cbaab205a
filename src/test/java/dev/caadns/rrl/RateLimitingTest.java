package dev.caadns.rrl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.KnotServer;
import dev.caadns.testsupport.Targets;
import dev.caadns.testsupport.TestZones;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.CookieOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Response rate limiting through real sockets: a burst of one question from one client gets the rate's
 * worth of answers, then truncated ones (slip) and silence; other blocks, other classes, TCP and
 * valid cookies are not touched. Knot's mod-rrl, given the same burst, is the referee for the shape.
 */
class RateLimitingTest {
    private static final int RATE = 5;
    private static final int BURST = 40;
    private static final byte[] CLIENT_COOKIE = {1, 2, 3, 4, 5, 6, 7, 8};

    @TempDir
    static Path dir;
    static CaadnsTarget limited;
    static CaadnsTarget unlimited;
    static KnotServer knot;

    /** What came back for a burst: full answers, truncated ones, and how many got nothing. */
    record Burst(int answered, int truncated, int silent) {
    }

    @BeforeAll
    static void start() throws Exception {
        Map<Name, Path> zones = TestZones.write(dir, Name.fromString("lab.test."),
                "www A 192.0.2.80\n@ CAA 0 issue \"ca.example\"\n");
        limited = CaadnsTarget.start(zones, Map.of("rrl.rate", RATE, "rrl.slip", 2));
        unlimited = CaadnsTarget.start(zones);
        if (Files.isExecutable(KnotServer.KNOTD)) {
            knot = KnotServer.start(Files.createDirectories(dir.resolve("knot")), zones, List.of("mod-rrl/lab"),
                    "mod-rrl:\n  - id: lab\n    rate-limit: " + RATE + "\n    slip: 2\n");
        }
        // A first answer costs a cold JVM more than a burst's read timeout; take it here, from a block no test uses.
        for (DnsTarget target : new DnsTarget[] {limited, unlimited}) {
            try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.9.1"), 0))) {
                byte[] wire = query(1, "warm.lab.test.");
                socket.setSoTimeout(10_000);
                socket.send(new DatagramPacket(wire, wire.length, target.udp()));
                socket.receive(new DatagramPacket(new byte[4096], 4096));
            }
        }
    }

    @AfterAll
    static void stop() {
        Targets.closeAll(limited, unlimited, knot);
    }

    private static byte[] query(int id, String name, EDNSOption... options) throws IOException {
        Message q = new Message(id);
        q.addRecord(Record.newRecord(Name.fromString(name), Type.A, DClass.IN), Section.QUESTION);
        q.addRecord(new OPTRecord(1232, 0, 0, 0, List.of(options)), Section.ADDITIONAL);
        return q.toWire();
    }

    /** Sends BURST queries at once from a socket on the given local address, then reads for a second. */
    private static Burst burst(InetSocketAddress server, String from, String name, EDNSOption... options)
            throws IOException {
        return burst(server, List.of(from), name, options);
    }

    /** BURST queries from each local address, all sent before any reply is read; the replies summed. */
    private static Burst burst(InetSocketAddress server, List<String> from, String name, EDNSOption... options)
            throws IOException {
        List<DatagramSocket> sockets = new ArrayList<>();
        try {
            for (String address : from) {
                DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getByName(address), 0));
                sockets.add(socket);
                socket.setReceiveBufferSize(1 << 20);
                for (int id = 1; id <= BURST; id++) {
                    byte[] wire = query(id, name, options);
                    socket.send(new DatagramPacket(wire, wire.length, server));
                }
            }
            int answered = 0;
            int truncated = 0;
            byte[] buffer = new byte[4096];
            for (DatagramSocket socket : sockets) {
                socket.setSoTimeout(1000);
                try {
                    for (int got = 0; got < BURST; got++) {
                        DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
                        socket.receive(reply);
                        Message m = DnsTestClient.parse(Arrays.copyOf(buffer, reply.getLength()));
                        if (m.getHeader().getFlag(Flags.TC)) {
                            assertThat(m.getSection(Section.ANSWER)).isEmpty();
                            truncated++;
                        } else {
                            answered++;
                        }
                    }
                } catch (SocketTimeoutException e) {
                    // the rest were dropped
                }
            }
            return new Burst(answered, truncated, BURST * from.size() - answered - truncated);
        } finally {
            sockets.forEach(DatagramSocket::close);
        }
    }

    @Test
    void aBurstGetsTheRateThenSlippedTruncationsAndSilence() throws Exception {
        List<DnsTarget> targets = new ArrayList<>(List.of(limited));
        if (knot != null) {
            targets.add(knot);
        }
        for (DnsTarget target : targets) {
            Burst got = burst(target.udp(), "127.0.0.1", "www.lab.test.");
            // Our bucket holds one second of answers, as NSD's; Knot's holds four (RRL_CAPACITY).
            int capacity = target == knot ? 4 * RATE : RATE;
            assertThat(got.answered()).as(target.name() + " " + got).isBetween(capacity, capacity + 3);
            int limitedCount = BURST - got.answered();
            // slip 2: of the limited answers, every other one goes out truncated and the rest are
            // dropped; Knot rolls a die for each (rrl_slip_roll), so only its shape is checked.
            if (target == knot) {
                assertThat(got.truncated()).as(target.name() + " " + got).isPositive();
                assertThat(got.silent()).as(target.name() + " " + got).isPositive();
            } else {
                assertThat(got.truncated()).as(target.name() + " " + got)
                        .isBetween(limitedCount / 2, limitedCount / 2 + 1);
                assertThat(got.silent()).as(target.name() + " " + got).isBetween(limitedCount / 2 - 1, limitedCount / 2);
            }
        }
        assertThat(limited.server().counters()).filteredOn(c -> c.name().equals("caadns_rrl_total")).singleElement()
                .satisfies(c -> assertThat(c.values().get().get("slipped")).isPositive())
                .satisfies(c -> assertThat(c.values().get().get("dropped")).isPositive());
    }

    @Test
    void clientsAreCountedPerSlash24AndPerResponseClass() throws Exception {
        // 127.0.0.1 and 127.0.0.2 share a /24 and so one allowance; 127.0.1.1 is another block.
        Burst sameBlock = burst(limited.udp(), List.of("127.0.0.1", "127.0.0.2"), "ns.lab.test.");
        assertThat(sameBlock.answered()).as(sameBlock.toString()).isBetween(RATE, RATE + 3);
        Burst twoBlocks = burst(limited.udp(), List.of("127.0.2.1", "127.0.3.1"), "ns.lab.test.");
        assertThat(twoBlocks.answered()).as(twoBlocks.toString()).isBetween(2 * RATE, 2 * RATE + 3);
        // An NXDOMAIN is another response class (counted by its zone, not the name asked).
        Burst nxdomain = burst(limited.udp(), "127.0.4.1", "nothing.lab.test.");
        assertThat(nxdomain.answered()).as(nxdomain.toString()).isBetween(RATE, RATE + 3);
    }

    @Test
    void tcpAndValidServerCookiesAreNeverLimited() throws Exception {
        DnsTestClient client = new DnsTestClient();
        List<byte[]> queries = new ArrayList<>();
        for (int id = 1; id <= BURST; id++) {
            queries.add(query(id, "lab.test."));
        }
        List<byte[]> replies = client.tcpPipelined(limited.tcp(), queries);
        assertThat(replies).hasSize(BURST).allSatisfy(r ->
                assertThat(DnsTestClient.parse(r).getHeader().getFlag(Flags.TC)).isFalse());

        byte[] first = client.udpRaw(limited.udp(), query(1, "lab.test.", new CookieOption(CLIENT_COOKIE)),
                java.time.Duration.ofSeconds(2));
        CookieOption cookie = (CookieOption) DnsTestClient.parse(first).getOPT()
                .getOptions(EDNSOption.Code.COOKIE).get(0);
        Burst withCookie = burst(limited.udp(), "127.0.0.1", "lab.test.",
                new CookieOption(CLIENT_COOKIE, cookie.getServerCookie().orElseThrow()));
        assertThat(withCookie).isEqualTo(new Burst(BURST, 0, 0));
    }

    @Test
    void offByDefaultEveryQueryIsAnswered() throws Exception {
        assertThat(burst(unlimited.udp(), "127.0.0.1", "www.lab.test.")).isEqualTo(new Burst(BURST, 0, 0));
        assertThat(unlimited.server().counters()).noneMatch(c -> c.name().equals("caadns_rrl_total"));
    }
}
