package dev.caadns.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** A name that exists only through its descendants answers NODATA, never NXDOMAIN (RFC 8020, 4592). */
class EmptyNonTerminalTest extends ServedZoneTest {
    @Override
    protected String zoneFolder() {
        return "ent";
    }

    @ParameterizedTest
    @ValueSource(strings = {"b.c.ent.test.", "c.ent.test.", "B.C.Ent.Test."})
    void emptyNonTerminalIsNoData(String name) {
        for (int type : new int[] {Type.A, Type.CAA, Type.ANY}) {
            Message reply = udp(name, type);
            assertThat(reply.getRcode()).as("%s %s", name, Type.string(type)).isEqualTo(Rcode.NOERROR);
            assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
            assertThat(answer(reply)).isEmpty();
            assertThat(texts(reply, Section.AUTHORITY)).singleElement().asString().startsWith("ent.test. 300 SOA");
        }
    }

    @Test
    void belowTheEmptyNonTerminalIsNxdomain() {
        Message reply = udp("x.c.ent.test.", Type.A);
        assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
    }

    @Test
    void theLeafAnswers() {
        assertThat(texts(udp("a.b.c.ent.test.", Type.A), Section.ANSWER)).containsExactly("a.b.c.ent.test. 3600 A 192.0.2.1");
    }
}
