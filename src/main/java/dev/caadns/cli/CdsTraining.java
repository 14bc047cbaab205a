package dev.caadns.cli;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;

/**
 * The training run behind the launcher's class-data-sharing archive ({@code -XX:ArchiveClassesAtExit}):
 * does what a start does — {@code check}, then {@code serve} on a free loopback port, a CAA query
 * over UDP and over TCP — and exits, so the archive holds the classes a start and the first
 * answers load (picocli, config, logging, zone loading, CAA checks, Netty, the answer path). Not a
 * command users run.
 *
 * <p>usage: {@code java -XX:ArchiveClassesAtExit=caadns.jsa -cp caadns.jar dev.caadns.cli.CdsTraining CONFIG}
 */
public final class CdsTraining {
    private static final int SECONDS = 60;

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: CdsTraining CONFIG");
            System.exit(2);
        }
        String config = args[0];
        Main.nettyWithoutJfr();
        String[] check = {"check", "--config", config};
        Main.commandLine(check).execute(check);
        int port = freePort();
        String[] serve = {"serve", "--config", config, "--listen", "127.0.0.1:" + port, "--management", "127.0.0.1:0"};
        Thread server = new Thread(() -> Main.commandLine(serve).execute(serve), "cds-training-serve");
        server.setDaemon(true);
        server.start();
        byte[] query = caaQuery();
        boolean answered = false;
        try {
            answered = udp(port, query) && tcp(port, query);
        } finally {
            // exits through the shutdown hooks (the server stops), when the JVM writes the archive;
            // also on an exception, which would otherwise leave the server's threads running
            System.exit(answered ? 0 : 1);
        }
    }

    /** A port free for UDP and TCP on loopback right now. */
    private static int freePort() throws IOException {
        for (int i = 0; i < 50; i++) {
            try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getLoopbackAddress());
                 ServerSocket tcp = new ServerSocket(udp.getLocalPort(), 1, InetAddress.getLoopbackAddress())) {
                return udp.getLocalPort();
            } catch (IOException e) {
                // the TCP side was taken: try another
            }
        }
        throw new IOException("no free loopback port");
    }

    /** {@code lab.test. CAA}, id 0x1234, RD off: the example zones answer it. */
    private static byte[] caaQuery() {
        return new byte[] {0x12, 0x34, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0,
            3, 'l', 'a', 'b', 4, 't', 'e', 's', 't', 0, 1, 1, 0, 1};
    }

    /** Asks until the server answers (it is loading its zones meanwhile), for up to a minute. */
    private static boolean udp(int port, byte[] query) throws IOException {
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(200);
            InetSocketAddress to = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
            while (System.nanoTime() < deadline) {
                socket.send(new DatagramPacket(query, query.length, to));
                try {
                    DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
                    socket.receive(reply);
                    return reply.getLength() >= 12;
                } catch (SocketTimeoutException e) {
                    // not up yet
                }
            }
        }
        return false;
    }

    /** UDP is bound before TCP, so the first UDP answer can come before TCP listens: connect until it does. */
    private static boolean tcp(int port, byte[] query) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        while (true) {
            try {
                return tcpQuery(port, query);
            } catch (java.net.ConnectException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(20);
            }
        }
    }

    private static boolean tcpQuery(int port, byte[] query) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(SECONDS * 1000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeShort(query.length);
            out.write(query);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            byte[] reply = new byte[in.readUnsignedShort()];
            in.readFully(reply);
            return reply.length >= 12;
        }
    }
}
