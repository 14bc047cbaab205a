package dev.caadns.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** DNAME per RFC 6672: the DNAME, a synthesized CNAME with the DNAME's TTL, then the target's answer. */
class DnameTest extends ServedZoneTest {
    private static final String LONG_LABEL = "x".repeat(50);

    @Override
    protected String zoneFolder() {
        return "dname";
    }

    @Test
    void synthesizesACnameBelowTheDname() {
        assertThat(texts(udp("www.dn.dname.test.", Type.A), Section.ANSWER)).containsExactly(
                "dn.dname.test. 600 DNAME target.dname.test.",
                "www.dn.dname.test. 600 CNAME www.target.dname.test.",
                "www.target.dname.test. 3600 A 192.0.2.1");
    }

    @Test
    void theDnameOwnerItselfIsNotRedirected() {
        assertThat(texts(udp("dn.dname.test.", Type.DNAME), Section.ANSWER))
                .containsExactly("dn.dname.test. 600 DNAME target.dname.test.");
        Message noData = udp("dn.dname.test.", Type.A);
        assertThat(noData.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer(noData)).isEmpty();
    }

    @Test
    void substitutionTooLongIsYxdomain() {
        PeerDeviations.skipOn(server, "knot", PeerDeviations.KNOT_DNAME_OVERFLOW);
        Message reply = udp(LONG_LABEL + "." + LONG_LABEL + ".long.dname.test.", Type.A);
        assertThat(reply.getRcode()).isEqualTo(Rcode.YXDOMAIN);
        assertThat(answer(reply)).extracting(rr -> Type.string(rr.getType())).doesNotContain("CNAME");
    }
}
