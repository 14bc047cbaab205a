package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.answer.QueryProcessor;
import dev.caadns.wire.ReplyStream;
import dev.caadns.wire.ResponseWriter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The TCP transport's multi-message path, through a real socket: every message in order even when
 * the client reads slowly (the channel fills and the stream parks), queries pipelined behind a stream
 * answered after it, and a stream cut short when the client goes away.
 */
class StreamedRepliesTest {
    private static final int MESSAGES = 600;
    private static final int MESSAGE_SIZE = 16_000;
    private final AtomicInteger closedComplete = new AtomicInteger();
    private final AtomicInteger closedShort = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);
    private DnsServer server;

    /** Numbered messages of MESSAGE_SIZE bytes: two bytes of the query ID, two of the sequence number. */
    private ReplyStream numbered(int id) {
        return new ReplyStream() {
            private int sent;

            @Override
            public int next(byte[] out) {
                if (sent == MESSAGES) {
                    return -1;
                }
                java.util.Arrays.fill(out, 0, MESSAGE_SIZE, (byte) 0);
                out[0] = (byte) (id >> 8);
                out[1] = (byte) id;
                out[2] = (byte) (sent >> 8);
                out[3] = (byte) sent;
                sent++;
                return MESSAGE_SIZE;
            }

            @Override
            public void close(boolean complete) {
                (complete ? closedComplete : closedShort).incrementAndGet();
                closed.countDown();
            }
        };
    }

    @BeforeEach
    void start() throws InterruptedException {
        // AXFR questions get a stream, everything else an ordinary empty reply.
        DnsServer.Options options = new DnsServer.Options(List.of(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)),
                1, new StreamLimits(Duration.ofSeconds(10), Duration.ofSeconds(5), 10), 1 << 16, 1 << 16,
                TlsListeners.NONE);
        server = DnsServer.start(options, () -> new QueryProcessor((q, r) -> {
            if (q.type() == Type.AXFR) {
                r.stream(numbered(q.id()));
            }
        }, new ResponseWriter(1232, new byte[0])));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void slowReaderGetsEveryMessageInOrderThenThePipelinedAnswer() throws Exception {
        try (Socket socket = connect()) {
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            send(out, query(7, Type.AXFR));
            send(out, query(8, Type.SOA));
            DataInputStream in = new DataInputStream(socket.getInputStream());
            Thread.sleep(300); // the server fills the socket and its buffer, then must wait for us
            for (int i = 0; i < MESSAGES; i++) {
                byte[] message = read(in);
                assertThat(message).hasSize(MESSAGE_SIZE);
                assertThat(((message[0] & 0xff) << 8) | (message[1] & 0xff)).isEqualTo(7);
                assertThat(((message[2] & 0xff) << 8) | (message[3] & 0xff)).isEqualTo(i);
            }
            Message after = new Message(read(in));
            assertThat(after.getHeader().getID()).isEqualTo(8);
            assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(closedComplete.get()).isEqualTo(1);
        }
    }

    @Test
    void clientThatLeavesCutsTheStreamShort() throws Exception {
        try (Socket socket = connect()) {
            send(new DataOutputStream(socket.getOutputStream()), query(9, Type.AXFR));
            read(new DataInputStream(socket.getInputStream()));
        }
        assertThat(closed.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(closedShort.get()).isEqualTo(1);
        assertThat(closedComplete.get()).isZero();
    }

    private Socket connect() throws Exception {
        Socket socket = new Socket();
        socket.setReceiveBufferSize(32 * 1024);
        socket.connect(server.tcpAddresses().get(0), 2000);
        socket.setSoTimeout(5000);
        return socket;
    }

    private static byte[] query(int id, int type) {
        Message m = Message.newQuery(Record.newRecord(Name.fromConstantString("net.test."), type, 1));
        m.getHeader().setID(id);
        return m.toWire();
    }

    private static void send(DataOutputStream out, byte[] message) throws Exception {
        out.writeShort(message.length);
        out.write(message);
        out.flush();
    }

    private static byte[] read(DataInputStream in) throws Exception {
        byte[] message = new byte[in.readUnsignedShort()];
        in.readFully(message);
        return message;
    }
}
