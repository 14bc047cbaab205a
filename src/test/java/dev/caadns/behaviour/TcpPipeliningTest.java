package dev.caadns.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** RFC 7766: many queries written at once on one connection each get their reply, matched by ID. */
class TcpPipeliningTest extends ServedZoneTest {
    private static final int PIPELINED = 20;
    private static final String[] NAMES = {"www.basic.test.", "nothere.basic.test.", "basic.test."};
    private static final int[] TYPES = {Type.A, Type.CAA, Type.SOA, Type.NS};

    @Override
    protected String zoneFolder() {
        return "basic";
    }

    @Test
    void everyPipelinedQueryGetsItsOwnReply() {
        Map<Integer, Message> sent = new HashMap<>();
        List<byte[]> wire = new ArrayList<>();
        for (int i = 0; i < PIPELINED; i++) {
            Message query = Queries.query(1000 + i, NAMES[i % NAMES.length], TYPES[i % TYPES.length]);
            sent.put(1000 + i, query);
            wire.add(query.toWire());
        }
        List<byte[]> replies = client.tcpPipelined(server.tcp(), wire);
        assertThat(replies).hasSize(PIPELINED);
        Map<Integer, Message> received = new HashMap<>();
        for (byte[] bytes : replies) {
            Message reply = DnsTestClient.parse(bytes);
            received.put(reply.getHeader().getID(), reply);
        }
        assertThat(received.keySet()).isEqualTo(sent.keySet());
        received.forEach((id, reply) -> {
            assertThat(reply.getQuestion()).isEqualTo(sent.get(id).getQuestion());
            assertThat(reply.getRcode()).isIn(Rcode.NOERROR, Rcode.NXDOMAIN);
        });
    }

    @Test
    void aQuerySplitAcrossWritesIsReassembled() {
        byte[] query = Queries.query(77, "www.basic.test.", Type.A).toWire();
        byte[] framed = new byte[query.length + 2];
        framed[0] = (byte) (query.length >> 8);
        framed[1] = (byte) query.length;
        System.arraycopy(query, 0, framed, 2, query.length);
        List<byte[]> replies = client.tcpRawInPieces(server.tcp(), framed, 3);
        assertThat(replies).singleElement().satisfies(r -> assertThat(DnsTestClient.parse(r).getHeader().getID()).isEqualTo(77));
    }
}
