package dev.caadns.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Referrals at zone cuts: NS in authority, glue in additional, AA clear; DS answered by the parent. */
class DelegationTest extends ServedZoneTest {
    @Override
    protected String zoneFolder() {
        return "delegation";
    }

    @Test
    void belowTheCutIsAReferralWithGlue() {
        for (String name : new String[] {"www.sub.deleg.test.", "sub.deleg.test.", "ns.sub.deleg.test."}) {
            Message reply = udp(name, Type.A);
            assertThat(reply.getRcode()).as(name).isEqualTo(Rcode.NOERROR);
            assertThat(reply.getHeader().getFlag(Flags.AA)).as("%s AA", name).isFalse();
            assertThat(answer(reply)).as(name).isEmpty();
            assertThat(texts(reply, Section.AUTHORITY)).as(name).containsExactlyInAnyOrder(
                    "sub.deleg.test. 3600 NS ns.sub.deleg.test.", "sub.deleg.test. 3600 NS ns.elsewhere.example.");
            assertThat(additional(reply)).extracting(ServedZoneTest::text).as(name).containsExactlyInAnyOrder(
                    "ns.sub.deleg.test. 3600 A 192.0.2.10", "ns.sub.deleg.test. 3600 AAAA 2001:db8:0:0:0:0:0:10");
        }
    }

    @Test
    void nsAtTheCutIsAReferralToo() {
        Message reply = udp("sub.deleg.test.", Type.NS);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(answer(reply)).isEmpty();
        assertThat(authority(reply)).hasSize(2);
    }

    @Test
    void dsComesFromTheParentSideWithAa() {
        Message reply = udp("sub.deleg.test.", Type.DS);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(texts(reply, Section.ANSWER)).singleElement().asString().startsWith("sub.deleg.test. 3600 DS 12345 13 2");
    }

    @Test
    void outOfZoneServersHaveNoGlue() {
        Message reply = udp("host.out.deleg.test.", Type.CAA);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(texts(reply, Section.AUTHORITY)).containsExactly("out.deleg.test. 3600 NS ns1.elsewhere.example.");
        assertThat(additional(reply)).isEmpty();
    }
}
