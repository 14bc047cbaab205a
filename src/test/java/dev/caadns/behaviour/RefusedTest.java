package dev.caadns.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.Queries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** Questions the server has no authority for are REFUSED; opcodes other than QUERY are NOTIMP. */
class RefusedTest extends ServedZoneTest {
    @Override
    protected String zoneFolder() {
        return "basic";
    }

    @ParameterizedTest
    @ValueSource(strings = {"example.com.", "test.", ".", "www.basic.test.example."})
    void outsideOurZonesIsRefused(String name) {
        Message reply = udp(name, Type.A);
        assertThat(reply.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(answer(reply)).isEmpty();
        assertThat(reply.getQuestion().getName()).isEqualTo(Queries.name(name));
    }

    @Test
    void otherOpcodesAreNotImplemented() {
        Message query = Queries.query(nextId(), "www.basic.test.", Type.A);
        query.getHeader().setOpcode(Opcode.STATUS);
        Message reply = client.udp(server, query);
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOTIMP);
        assertThat(reply.getHeader().getOpcode()).isEqualTo(Opcode.STATUS);
    }
}
