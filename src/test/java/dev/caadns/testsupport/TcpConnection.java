package dev.caadns.testsupport;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/** One raw TCP connection to a DNS server, for tests of framing, timeouts and caps byte by byte. */
public final class TcpConnection implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;

    private TcpConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
    }

    public static TcpConnection open(InetSocketAddress address) {
        try {
            Socket socket = new Socket();
            socket.connect(address, 5_000);
            socket.setTcpNoDelay(true);
            socket.setSoTimeout(5_000);
            return new TcpConnection(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The two-byte length prefix and then the message. */
    public static byte[] framed(byte[] message) {
        byte[] framed = new byte[message.length + 2];
        framed[0] = (byte) (message.length >> 8);
        framed[1] = (byte) message.length;
        System.arraycopy(message, 0, framed, 2, message.length);
        return framed;
    }

    /** Writes bytes as they are; false when the server has closed the connection. */
    public boolean write(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** The next framed reply, or null when the server closed the connection first. */
    public byte[] readReply(Duration wait) {
        try {
            socket.setSoTimeout((int) wait.toMillis());
            byte[] reply = new byte[in.readUnsignedShort()];
            in.readFully(reply);
            return reply;
        } catch (EOFException | SocketException closed) {
            return null;
        } catch (SocketTimeoutException silent) {
            throw new AssertionError("no reply and no close within " + wait);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the server closes the connection within {@code wait} (it must send nothing more). */
    public boolean closedWithin(Duration wait) {
        try {
            socket.setSoTimeout((int) wait.toMillis());
            return in.read() == -1;
        } catch (SocketTimeoutException stillOpen) {
            return false;
        } catch (SocketException reset) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends FIN: the client will write no more, but still reads. */
    public void shutdownOutput() {
        try {
            socket.shutdownOutput();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
