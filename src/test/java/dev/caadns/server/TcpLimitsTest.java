package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.TcpConnection;
import dev.caadns.testsupport.TestZones;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** What a hostile TCP client can hold: slow messages time out, and stale connections make room. */
class TcpLimitsTest {
    private static final Name ORIGIN = Name.fromConstantString("limits.test.");
    private static final Name BIG = Name.fromConstantString("big.limits.test.");
    private static final Duration WAIT = Duration.ofSeconds(5);
    @TempDir
    static Path dir;
    private static Map<Name, Path> zone;

    @BeforeAll
    static void writeZone() {
        StringBuilder big = new StringBuilder();
        for (int i = 0; i < 400; i++) {
            big.append("big TXT \"").append(String.format("%03d", i)).append("x".repeat(120)).append("\"\n");
        }
        zone = TestZones.write(dir, ORIGIN, big.toString());
    }

    @Test
    void aMessageTrickledByteByByteTimesOutThoughEachByteComesBeforeTheIdleTimeout() throws InterruptedException {
        Map<String, Object> settings = Map.of("tcp.idle-timeout", "20s", "tcp.message-timeout", "600ms");
        byte[] query = TcpConnection.framed(Queries.query(20, ORIGIN, Type.SOA).toWire());
        try (CaadnsTarget server = CaadnsTarget.start(zone, settings);
             TcpConnection slow = TcpConnection.open(server.tcp())) {
            long start = System.nanoTime();
            boolean open = true;
            for (int i = 0; i < query.length - 1 && open; i++) {
                open = slow.write(new byte[] {query[i]}) && !slow.closedWithin(Duration.ofMillis(150));
            }
            long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

            assertThat(open).as("closed before the message was complete").isFalse();
            assertThat(elapsedMillis).isBetween(500L, 3_000L);
        }
    }

    @Test
    void aNewClientTakesTheSlotOfTheConnectionLongestWithoutAMessage() throws InterruptedException {
        Map<String, Object> settings = Map.of("tcp.max-connections", 3, "tcp.idle-timeout", "30s",
                "tcp.message-timeout", "30s");
        List<TcpConnection> holders = new ArrayList<>();
        try (CaadnsTarget server = CaadnsTarget.start(zone, settings)) {
            try {
                for (int i = 0; i < 3; i++) {
                    TcpConnection holder = TcpConnection.open(server.tcp());
                    holders.add(holder);
                    holder.write(new byte[] {0}); // one byte of a prefix, then nothing
                    Thread.sleep(100);
                }
                Thread.sleep(ConnectionLimiter.EVICTABLE_AFTER_NANOS / 1_000_000);
                try (TcpConnection newcomer = TcpConnection.open(server.tcp())) {
                    newcomer.write(TcpConnection.framed(Queries.query(21, ORIGIN, Type.SOA).toWire()));

                    byte[] reply = newcomer.readReply(WAIT);
                    assertThat(reply).as("the newcomer is answered").isNotNull();
                    assertThat(DnsTestClient.parse(reply).getHeader().getID()).isEqualTo(21);
                }
                assertThat(holders.get(0).closedWithin(WAIT)).as("the stalest holder made room").isTrue();
                assertThat(holders.get(2).closedWithin(Duration.ofMillis(200))).as("the others stay").isFalse();
            } finally {
                holders.forEach(TcpConnection::close);
            }
        }
    }

    @Test
    void aClientThatNeverReadsItsRepliesIsClosedInsteadOfBuffered() throws InterruptedException {
        int queries = 600; // ~50 KB each: far more than the socket buffers hold
        Map<String, Object> settings = Map.of("tcp.message-timeout", "500ms");
        byte[] one = TcpConnection.framed(Queries.query(22, BIG, Type.TXT).toWire());
        byte[] all = new byte[one.length * queries];
        for (int i = 0; i < queries; i++) {
            System.arraycopy(one, 0, all, i * one.length, one.length);
        }
        try (CaadnsTarget server = CaadnsTarget.start(zone, settings);
             TcpConnection greedy = TcpConnection.open(server.tcp())) {
            greedy.write(all);
            Thread.sleep(2_000);

            int replies = 0;
            while (replies < queries && greedy.readReply(WAIT) != null) {
                replies++;
            }
            assertThat(replies).as("replies before the server gave up on the reader").isLessThan(queries);
        }
    }
}
