package dev.caadns.cli;

import dev.caadns.server.ServerMain;
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
import java.nio.charset.StandardCharsets;

/**
 * The training run behind the launcher's class-data-sharing archive ({@code -XX:DumpLoadedClassList},
 * then {@code -Xshare:dump}): does what a start does — {@code check}, then {@code serve} on a free
 * loopback port with the management API on, a CAA query over UDP and over TCP, the rest of the start
 * (the plugins' services, which start once the DNS listeners answer), one request to the management
 * API — and exits, so the archive holds the classes a start and the first answers load (picocli,
 * config, logging, zone loading, CAA checks, Netty, the answer path, the API). Not a command users run.
 *
 * <p>usage: {@code java -XX:DumpLoadedClassList=caadns.classes -cp caadns.jar dev.caadns.cli.CdsTraining CONFIG}
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
        int management = freePort();
        while (management == port) {
            management = freePort();
        }
        String[] serve = {"serve", "--config", config, "--listen", "127.0.0.1:" + port,
            "--management", "127.0.0.1:" + management};
        Thread server = new Thread(() -> Main.commandLine(serve).execute(serve), "cds-training-serve");
        server.setDaemon(true);
        server.start();
        byte[] query = caaQuery();
        boolean answered = false;
        try {
            answered = udp(port, query) && tcp(port, query) && started() && api(management);
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

    /**
     * The first answers come before the start is over (the plugins' services start after the DNS
     * listeners): the classes those load would be left out of the list if the run ended here.
     */
    private static boolean started() throws InterruptedException {
        long deadline = System.nanoTime() + SECONDS * 1_000_000_000L;
        while (!ServerMain.serving()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** {@code GET /api/v1/zones}: the management API's HTTP and JSON path; true on a 200. */
    private static boolean api(int port) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(SECONDS * 1000);
            socket.getOutputStream().write(("GET /api/v1/zones HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1)
                    .startsWith("HTTP/1.1 200");
        }
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
