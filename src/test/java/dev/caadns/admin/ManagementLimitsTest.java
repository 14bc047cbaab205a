package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.server.ConnectionLimiter;
import dev.caadns.testsupport.TcpConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** The management API cannot be held open: idle and trickling connections time out, and the cap holds. */
class ManagementLimitsTest {
    private static final Duration WAIT = Duration.ofSeconds(5);
    @TempDir
    Path dir;

    @Test
    void anIdleConnectionIsClosed() throws Exception {
        try (LabFixture lab = new LabFixture(dir, Map.of("management.idle-timeout", "300ms"));
             TcpConnection idle = TcpConnection.open(lab.managementAddress())) {
            assertThat(idle.closedWithin(WAIT)).isTrue();
        }
    }

    @Test
    void aRequestTrickledByteByByteIsClosedAtTheIdleTimeout() throws Exception {
        byte[] request = "GET /api/v1/zones HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        try (LabFixture lab = new LabFixture(dir, Map.of("management.idle-timeout", "500ms"));
             TcpConnection slow = TcpConnection.open(lab.managementAddress())) {
            long start = System.nanoTime();
            boolean open = true;
            for (int i = 0; i < request.length - 1 && open; i++) {
                open = slow.write(new byte[] {request[i]}) && !slow.closedWithin(Duration.ofMillis(100));
            }
            assertThat(open).as("closed before the request was complete").isFalse();
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(3_000);
        }
    }

    @Test
    void connectionsOverTheCapAreClosedAndANewClientStillGetsIn() throws Exception {
        List<TcpConnection> idle = new ArrayList<>();
        try (LabFixture lab = new LabFixture(dir, Map.of("management.max-connections", 4))) {
            try {
                for (int i = 0; i < 20; i++) {
                    idle.add(TcpConnection.open(lab.managementAddress()));
                }
                long closed = idle.stream().filter(c -> c.closedWithin(Duration.ofMillis(100))).count();
                assertThat(closed).as("connections over the cap of 4").isEqualTo(16);
                assertThat(lab.tcp("www.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);

                Thread.sleep(ConnectionLimiter.EVICTABLE_AFTER_NANOS / 1_000_000);
                assertThat(lab.get("/api/v1/zones").statusCode()).as("a new client replaces a stale one").isEqualTo(200);
            } finally {
                idle.forEach(TcpConnection::close);
            }
        }
    }
}
