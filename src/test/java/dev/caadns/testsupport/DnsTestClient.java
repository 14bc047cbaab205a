package dev.caadns.testsupport;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;

/**
 * Talks to a {@link DnsTarget} over plain java.net sockets; dnsjava is used only to build and parse
 * messages, so what crosses the wire is exactly what the test chose. Every wait is bounded.
 */
public final class DnsTestClient {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);
    private static final int UDP_ATTEMPTS = 3;
    private static final int MAX_UDP = 65535;
    private static final long PIECE_PAUSE_MILLIS = 50;

    private final Duration timeout;

    public DnsTestClient() {
        this(DEFAULT_TIMEOUT);
    }

    public DnsTestClient(Duration timeout) {
        this.timeout = timeout;
    }

    /** Sends over UDP (a few bounded retries, loopback may still drop) and parses the matching reply. */
    public Message udp(DnsTarget target, Message query) {
        byte[] wire = query.toWire();
        for (int attempt = 0; attempt < UDP_ATTEMPTS; attempt++) {
            byte[] reply = udpRaw(target.udp(), wire, timeout);
            if (reply != null) {
                return parse(reply);
            }
        }
        throw new AssertionError(target.name() + " gave no UDP reply to " + query.getQuestion()
                + " after " + UDP_ATTEMPTS + " tries");
    }

    public Message tcp(DnsTarget target, Message query) {
        List<byte[]> replies = tcpPipelined(target.tcp(), List.of(query.toWire()));
        return parse(replies.get(0));
    }

    /** One datagram out, the first datagram with the same ID back; null when none comes in time. */
    public byte[] udpRaw(InetSocketAddress address, byte[] query, Duration wait) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.send(new DatagramPacket(query, query.length, address));
            long deadline = System.nanoTime() + wait.toNanos();
            byte[] buffer = new byte[MAX_UDP];
            while (true) {
                long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
                if (System.nanoTime() >= deadline) {
                    return null;
                }
                socket.setSoTimeout((int) left);
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                try {
                    socket.receive(packet);
                } catch (SocketTimeoutException e) {
                    return null;
                }
                byte[] reply = java.util.Arrays.copyOf(packet.getData(), packet.getLength());
                if (query.length < 2 || sameId(query, reply)) {
                    return reply;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes all queries in one go on one connection (RFC 7766 pipelining) and reads as many replies,
     * in the order they arrive. Fails if the server closes early or is silent past the timeout.
     */
    public List<byte[]> tcpPipelined(InetSocketAddress address, List<byte[]> queries) {
        List<byte[]> replies = tcpExchange(address, queries, queries.size());
        if (replies.size() < queries.size()) {
            throw new AssertionError("TCP connection to " + address + " closed after " + replies.size()
                    + " of " + queries.size() + " replies");
        }
        return replies;
    }

    /**
     * Writes raw bytes (already framed or not, as the test chooses) and collects framed replies until
     * {@code expected} arrived, the server closed, or the timeout passed. Never throws on a close.
     */
    public List<byte[]> tcpRaw(InetSocketAddress address, byte[] bytes, int expected) {
        try (Socket socket = connect(address)) {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return readReplies(socket, expected);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code bytes} in {@code pieces} separate writes, pausing between them so the server sees
     * a message arrive in parts, then collects one reply as {@link #tcpRaw} does.
     */
    public List<byte[]> tcpRawInPieces(InetSocketAddress address, byte[] bytes, int pieces) {
        try (Socket socket = connect(address)) {
            int step = Math.max(1, (bytes.length + pieces - 1) / pieces);
            for (int from = 0; from < bytes.length; from += step) {
                socket.getOutputStream().write(bytes, from, Math.min(step, bytes.length - from));
                socket.getOutputStream().flush();
                pause();
            }
            return readReplies(socket, 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PIECE_PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private List<byte[]> tcpExchange(InetSocketAddress address, List<byte[]> queries, int expected) {
        int total = queries.stream().mapToInt(q -> q.length + 2).sum();
        ByteBuffer framed = ByteBuffer.allocate(total);
        for (byte[] query : queries) {
            framed.putShort((short) query.length).put(query);
        }
        return tcpRaw(address, framed.array(), expected);
    }

    private Socket connect(InetSocketAddress address) throws IOException {
        Socket socket = new Socket();
        socket.connect(address, (int) timeout.toMillis());
        socket.setSoTimeout((int) timeout.toMillis());
        socket.setTcpNoDelay(true);
        return socket;
    }

    private static List<byte[]> readReplies(Socket socket, int expected) throws IOException {
        DataInputStream in = new DataInputStream(socket.getInputStream());
        List<byte[]> replies = new ArrayList<>();
        try {
            while (replies.size() < expected) {
                int length = in.readUnsignedShort();
                byte[] reply = new byte[length];
                in.readFully(reply);
                replies.add(reply);
            }
        } catch (EOFException | SocketTimeoutException closedOrSilent) {
            // the caller decides whether fewer replies than expected is a failure
        } catch (IOException reset) {
            // a reset is how some servers drop a connection they refuse to read further
        }
        return replies;
    }

    private static boolean sameId(byte[] query, byte[] reply) {
        return reply.length >= 2 && reply[0] == query[0] && reply[1] == query[1];
    }

    public static Message parse(byte[] wire) {
        try {
            return new Message(wire);
        } catch (IOException e) {
            throw new AssertionError("unparseable reply: " + e.getMessage(), e);
        }
    }
}
