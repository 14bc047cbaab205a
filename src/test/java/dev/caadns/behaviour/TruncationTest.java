package dev.caadns.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.Queries;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A UDP reply over the client's limit (512 without EDNS, else its buffer size) is cut at whole RRsets
 * with TC set; the same question over TCP gets the whole answer.
 */
class TruncationTest extends ServedZoneTest {
    private static final String BIG = "big.trunc.test.";
    private static final int BIG_RRSET = 30;
    private static final String MEDIUM = "medium.trunc.test.";
    private static final int MEDIUM_RRSET = 12;

    @Override
    protected String zoneFolder() {
        return "truncation";
    }

    @Test
    void udpWithoutEdnsIsTruncatedAndTcpRetryGetsEverything() {
        Message udp = client.udp(server, Queries.query(nextId(), BIG, Type.CAA));
        assertTruncatedAtWholeRrsets(udp, 512, BIG_RRSET);
        Message tcp = tcp(BIG, Type.CAA);
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(answer(tcp)).hasSize(BIG_RRSET);
    }

    @Test
    void ednsBufferRaisesTheLimit() {
        assertTruncatedAtWholeRrsets(udp(MEDIUM, Type.CAA), 512, MEDIUM_RRSET);
        Message edns = client.udp(server, Queries.query(nextId(), Queries.name(MEDIUM), Type.CAA, 1232, false));
        assertThat(edns.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(answer(edns)).hasSize(MEDIUM_RRSET);
    }

    /** The server's own UDP limit (1232, the DNS flag day 2020 value) caps a larger client buffer. */
    @Test
    void serverLimitCapsALargerClientBuffer() {
        for (int buffer : new int[] {1232, 4096}) {
            assertTruncatedAtWholeRrsets(client.udp(server, Queries.query(nextId(), Queries.name(BIG), Type.CAA,
                    buffer, false)), 1232, BIG_RRSET);
        }
    }

    @Test
    void smallAnswerIsNotTruncated() {
        Message reply = udp("small.trunc.test.", Type.CAA);
        assertThat(reply.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(answer(reply)).hasSize(1);
    }

    private static void assertTruncatedAtWholeRrsets(Message reply, int limit, int rrsetSize) {
        assertThat(reply.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(reply.toWire().length).isLessThanOrEqualTo(limit);
        long caa = answer(reply).stream().map(Record::getType).filter(t -> t == Type.CAA).count();
        assertThat(caa).as("a partial RRset must not be sent").isIn(0L, (long) rrsetSize);
    }
}
