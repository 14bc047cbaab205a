package dev.caadns.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.Queries;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** EDNS(0) per RFC 6891: OPT only when asked, version 0, BADVERS for higher, FORMERR for two OPTs. */
class EdnsTest extends ServedZoneTest {
    private static final Name WWW = Queries.name("www.basic.test.");
    private static final int ADVERTISED_UDP_SIZE = 1232;

    @Override
    protected String zoneFolder() {
        return "basic";
    }

    @Test
    void noOptWithoutEdns() {
        Message reply = client.udp(server, Queries.query(nextId(), WWW, Type.A));
        assertThat(reply.getOPT()).isNull();
    }

    @Test
    void optInReplyWithVersionZeroAndOurBufferSize() {
        Message reply = client.udp(server, Queries.query(nextId(), WWW, Type.A, 4096, false));
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        OPTRecord opt = reply.getOPT();
        assertThat(opt).isNotNull();
        assertThat(opt.getVersion()).isZero();
        assertThat(opt.getPayloadSize()).isEqualTo(ADVERTISED_UDP_SIZE);
        assertThat(opt.getFlags() & Flags.DO).isZero();
    }

    @Test
    void doBitIsCopied() {
        Message reply = client.udp(server, Queries.query(nextId(), WWW, Type.A, 1232, true));
        assertThat(reply.getOPT().getFlags() & Flags.DO).isEqualTo(Flags.DO);
    }

    @Test
    void higherVersionIsBadvers() {
        Message query = Queries.query(nextId(), WWW, Type.A);
        query.addRecord(new OPTRecord(1232, 0, 1, 0), Section.ADDITIONAL);
        Message reply = client.udp(server, query);
        assertThat(reply.getRcode()).isEqualTo(Rcode.BADVERS);
        assertThat(reply.getOPT()).isNotNull();
        assertThat(reply.getOPT().getVersion()).isZero();
        assertThat(answer(reply)).isEmpty();
    }

    @Test
    void twoOptRecordsAreFormerr() {
        Message query = Queries.query(nextId(), WWW, Type.A, 1232, false);
        query.addRecord(new OPTRecord(1232, 0, 0, 0), Section.ADDITIONAL);
        assertThat(query.getSection(Section.ADDITIONAL)).hasSize(2);
        Message reply = client.udp(server, query);
        assertThat(reply.getRcode()).isEqualTo(Rcode.FORMERR);
    }

    @Test
    void tinyBufferIsTreatedAs512() {
        Message reply = client.udp(server, Queries.query(nextId(), WWW, Type.CAA, 100, false));
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer(reply)).hasSize(1);
        assertThat(reply.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(DClass.string(reply.getQuestion().getDClass())).isEqualTo("IN");
    }
}
