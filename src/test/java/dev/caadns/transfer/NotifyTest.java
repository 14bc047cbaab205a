package dev.caadns.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * NOTIFY both ways (RFC 1996): out to the configured secondaries on every new serial, retried when
 * a secondary does not answer; in, acknowledged for a zone served here (we are its primary) and
 * NOTAUTH for any other.
 */
class NotifyTest {
    private static final Name ORIGIN = Name.fromConstantString("notify.test.");
    @TempDir
    Path dir;

    private Path zone() throws Exception {
        Path zone = dir.resolve("notify.test.zone");
        Files.writeString(zone, "$TTL 300\n@ SOA ns hostmaster 5 3600 600 86400 300\n@ NS ns\nns A 127.0.0.1\n");
        return zone;
    }

    @Test
    void aNewSerialIsAnnouncedAndRetriedUntilAcknowledged() throws Exception {
        try (DatagramSocket secondary = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            secondary.setSoTimeout(8000);
            String target = "127.0.0.1:" + secondary.getLocalPort();
            try (CaadnsTarget server = CaadnsTarget.start(Map.of(ORIGIN, zone()), Map.of("transfer.notify", List.of(target)))) {
                Name host = Name.fromConstantString("h.notify.test.");
                server.server().zones().replace(host, Type.A,
                        List.of(new ARecord(host, DClass.IN, 60, InetAddress.getByName("192.0.2.1"))));

                List<Message> received = new ArrayList<>();
                Message first = receive(secondary, null); // not answered: caadns must try again
                received.add(first);
                received.add(receive(secondary, Rcode.NOERROR));

                for (Message m : received) {
                    assertThat(m.getHeader().getOpcode()).isEqualTo(Opcode.NOTIFY);
                    assertThat(m.getHeader().getFlag(Flags.AA)).isTrue();
                    assertThat(m.getQuestion().getName()).isEqualTo(ORIGIN);
                    assertThat(m.getQuestion().getType()).isEqualTo(Type.SOA);
                }
                secondary.setSoTimeout(3000);
                assertThat(receiveOrNull(secondary)).as("acknowledged: no further NOTIFY").isNull();
            }
        }
    }

    @Test
    void incomingNotifyIsAcknowledgedForOurZoneAndNotAuthElsewhere() throws Exception {
        try (CaadnsTarget server = CaadnsTarget.start(Map.of(ORIGIN, zone()), Map.of())) {
            DnsTestClient client = new DnsTestClient();
            Message ours = client.udp(server, Queries.notify(1, ORIGIN));
            Message other = client.udp(server, Queries.notify(2, Name.fromConstantString("elsewhere.test.")));

            assertThat(ours.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(ours.getHeader().getOpcode()).isEqualTo(Opcode.NOTIFY);
            assertThat(ours.getHeader().getFlag(Flags.AA)).isTrue();
            assertThat(other.getRcode()).isEqualTo(Rcode.NOTAUTH);
        }
    }

    /** Receives one NOTIFY and answers it with rcode, or not at all when rcode is null. */
    private static Message receive(DatagramSocket socket, Integer rcode) throws Exception {
        DatagramPacket packet = new DatagramPacket(new byte[4096], 4096);
        socket.receive(packet);
        Message m = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
        if (rcode != null) {
            Message reply = new Message(m.getHeader().getID());
            reply.getHeader().setFlag(Flags.QR);
            reply.getHeader().setOpcode(Opcode.NOTIFY);
            reply.getHeader().setRcode(rcode);
            reply.addRecord(m.getQuestion(), org.xbill.DNS.Section.QUESTION);
            byte[] wire = reply.toWire();
            socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
        }
        return m;
    }

    private static Message receiveOrNull(DatagramSocket socket) throws Exception {
        try {
            return receive(socket, null);
        } catch (SocketTimeoutException e) {
            return null;
        }
    }
}
