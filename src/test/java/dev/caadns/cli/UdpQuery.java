package dev.caadns.cli;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.util.Arrays;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * One query over a real UDP socket, reply kept as raw bytes: dnsjava cannot parse a reply that carries
 * the malformed CAA a lab serves on purpose, and byte-exactness is what is being tested.
 */
final class UdpQuery {
    /** Guards a test against a lost datagram; never reached when the server answers. */
    private static final int GIVE_UP_MILLIS = 10_000;

    private UdpQuery() {
    }

    static byte[] ask(InetSocketAddress server, String name, int type) throws IOException {
        byte[] query = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)).toWire();
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(GIVE_UP_MILLIS);
            socket.send(new DatagramPacket(query, query.length, server));
            byte[] buffer = new byte[65535];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            socket.receive(reply);
            return Arrays.copyOf(buffer, reply.getLength());
        }
    }

    static int rcode(byte[] reply) {
        return reply[3] & 0x0f;
    }

    static int answerCount(byte[] reply) {
        return ((reply[6] & 0xff) << 8) | (reply[7] & 0xff);
    }

    /** RDLENGTH then RDATA, as an answer record carries them. */
    static byte[] rdlengthAndRdata(byte[] rdata) {
        byte[] out = new byte[rdata.length + 2];
        out[0] = (byte) (rdata.length >> 8);
        out[1] = (byte) rdata.length;
        System.arraycopy(rdata, 0, out, 2, rdata.length);
        return out;
    }
}
