package dev.caadns.transfer;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Reads a zone transfer off one TCP connection message by message, as a secondary would, keeping each. */
final class TransferClient {
    private TransferClient() {
    }

    /** Sends the query and reads messages until the closing SOA (or the first error reply). */
    static List<Message> transfer(InetSocketAddress server, Message query) {
        try (Socket socket = new Socket()) {
            socket.connect(server, 2000);
            socket.setSoTimeout(10_000);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            byte[] wire = query.toWire();
            out.writeShort(wire.length);
            out.write(wire);
            out.flush();
            DataInputStream in = new DataInputStream(socket.getInputStream());
            List<Message> messages = new ArrayList<>();
            List<Record> seen = new ArrayList<>();
            while (true) {
                byte[] reply = new byte[in.readUnsignedShort()];
                in.readFully(reply);
                Message m = new Message(reply);
                messages.add(m);
                seen.addAll(m.getSection(Section.ANSWER));
                if (m.getRcode() != 0 || seen.isEmpty() || finished(seen)) {
                    return messages;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * RFC 5936 / 1995 ends: one SOA alone (IXFR, current); an AXFR or AXFR-style IXFR at the second
     * current SOA; an incremental one (second record an SOA) at the third.
     */
    private static boolean finished(List<Record> seen) {
        if (seen.size() == 1) {
            return true;
        }
        long current = ((org.xbill.DNS.SOARecord) seen.get(0)).getSerial();
        boolean incremental = seen.get(1).getType() == Type.SOA;
        long currentSoas = seen.stream().filter(r -> r instanceof org.xbill.DNS.SOARecord soa
                && soa.getSerial() == current).count();
        return currentSoas == (incremental ? 3 : 2);
    }

    /** Every answer record of every message, in order. */
    static List<Record> records(List<Message> messages) {
        List<Record> all = new ArrayList<>();
        messages.forEach(m -> all.addAll(m.getSection(Section.ANSWER)));
        return all;
    }
}
