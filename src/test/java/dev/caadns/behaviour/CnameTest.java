package dev.caadns.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** CNAME answers (RFC 1034 3.6.2, 4.3.2; RFC 6604 for the rcode of a chain). */
class CnameTest extends ServedZoneTest {
    @Override
    protected String zoneFolder() {
        return "cname";
    }

    @Test
    void followsTheAliasInsideTheZone() {
        Message reply = udp("alias.cname.test.", Type.CAA);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(texts(reply, Section.ANSWER)).containsExactly("alias.cname.test. 3600 CNAME www.cname.test.",
                "www.cname.test. 3600 CAA 0 issue \"ca.example\"");
    }

    @Test
    void askingForTheCnameItselfStopsThere() {
        assertThat(texts(udp("alias.cname.test.", Type.CNAME), Section.ANSWER))
                .containsExactly("alias.cname.test. 3600 CNAME www.cname.test.");
    }

    @Test
    void targetWithoutTheTypeIsNoDataAfterTheCname() {
        Message reply = udp("alias.cname.test.", Type.TXT);
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(texts(reply, Section.ANSWER)).containsExactly("alias.cname.test. 3600 CNAME www.cname.test.");
        assertThat(texts(reply, Section.AUTHORITY)).singleElement().asString().startsWith("cname.test. 300 SOA");
    }

    @Test
    void followsAChain() {
        assertThat(texts(udp("chain1.cname.test.", Type.A), Section.ANSWER)).containsExactly(
                "chain1.cname.test. 3600 CNAME chain2.cname.test.", "chain2.cname.test. 3600 CNAME chain3.cname.test.",
                "chain3.cname.test. 3600 A 192.0.2.3");
    }

    @Test
    void chainToAMissingNameIsNxdomainWithTheCname() {
        Message reply = udp("tonx.cname.test.", Type.A);
        assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(texts(reply, Section.ANSWER)).containsExactly("tonx.cname.test. 3600 CNAME missing.cname.test.");
    }

    @Test
    void loopEndsAndTheServerGoesOnServing() {
        Message reply = udp("loop1.cname.test.", Type.A);
        assertThat(reply.getRcode()).isIn(Rcode.NOERROR, Rcode.SERVFAIL);
        assertThat(texts(reply, Section.ANSWER)).contains("loop1.cname.test. 3600 CNAME loop2.cname.test.");
        assertThat(tcp("www.cname.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void aliasOutOfOurZonesIsAnsweredWithTheCnameOnly() {
        Message reply = udp("external.cname.test.", Type.A);
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(texts(reply, Section.ANSWER)).containsExactly("external.cname.test. 3600 CNAME www.elsewhere.example.");
    }
}
