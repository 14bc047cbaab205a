package dev.caadns.update;

import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.DnsTestClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/** Builds RFC 2136 messages with dnsjava's {@code Update} and sends them to a test server over UDP or TCP. */
final class UpdateClient {
    private final ConfiguredServer server;
    private final DnsTestClient client = new DnsTestClient();

    UpdateClient(ConfiguredServer server) {
        this.server = server;
    }

    static Update update(String zone) {
        return new Update(name(zone));
    }

    static Name name(String text) {
        try {
            return Name.fromString(text);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** A record from {@code "owner TTL TYPE rdata"}. */
    static Record record(String line) {
        String[] parts = line.split("\\s+", 4);
        try {
            return Record.fromString(name(parts[0]), Type.value(parts[2]), DClass.IN, Long.parseLong(parts[1]),
                    parts[3], Name.root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Message udp(Message update) {
        byte[] reply = client.udpRaw(server.udp(), update.toWire(), Duration.ofSeconds(3));
        if (reply == null) {
            throw new IllegalStateException("no reply to the update over UDP");
        }
        return DnsTestClient.parse(reply);
    }

    Message tcp(Message update) {
        byte[] wire = update.toWire();
        byte[] framed = new byte[wire.length + 2];
        framed[0] = (byte) (wire.length >> 8);
        framed[1] = (byte) wire.length;
        System.arraycopy(wire, 0, framed, 2, wire.length);
        return DnsTestClient.parse(client.tcpRaw(server.server().tcpAddresses().get(0), framed, 1).get(0));
    }

    /** The records served now at (name, type), asked over UDP. */
    List<Record> served(String name, int type) {
        Message query = Message.newQuery(Record.newRecord(name(name), type, DClass.IN));
        Message reply = udp(query);
        return reply.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
    }

    long serial(String zone) {
        return ((org.xbill.DNS.SOARecord) served(zone, Type.SOA).get(0)).getSerial();
    }
}
