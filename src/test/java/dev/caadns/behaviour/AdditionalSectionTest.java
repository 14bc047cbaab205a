package dev.caadns.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Type;

/**
 * The additional section of NS, MX and SRV answers (RFC 1034 §3.6.2, RFC 2782): A and AAAA of each
 * in-zone target, once however many records name it, in any letter case; nothing for targets
 * elsewhere, and below a zone cut only NS targets (glue) count.
 */
class AdditionalSectionTest extends ServedZoneTest {
    @Override
    protected String zoneFolder() {
        return "additional";
    }

    @Test
    void mxTargetsInTheZoneGetTheirAddressesOnceAndNotFromBelowACut() {
        Message reply = udp("add.test.", Type.MX);
        assertThat(answer(reply)).hasSize(4);
        assertThat(additional(reply)).extracting(ServedZoneTest::text).containsExactly(
                "mail.add.test. 3600 A 192.0.2.25", "mail.add.test. 3600 AAAA 2001:db8:0:0:0:0:0:25");
    }

    @Test
    void srvTargetGetsItsAddress() {
        Message reply = udp("_sip._tcp.add.test.", Type.SRV);
        assertThat(additional(reply)).extracting(ServedZoneTest::text).containsExactly("sip.add.test. 3600 A 192.0.2.60");
    }

    @Test
    void nsAtTheApexAndAReferralGetTheirServersAddresses() {
        assertThat(additional(udp("add.test.", Type.NS))).extracting(ServedZoneTest::text)
                .containsExactly("ns.add.test. 3600 A 192.0.2.53");
        assertThat(additional(udp("www.sub.add.test.", Type.A))).extracting(ServedZoneTest::text)
                .containsExactly("ns.sub.add.test. 3600 A 192.0.2.10");
    }

    @Test
    void otherTypesGetNoAdditionalRecords() {
        assertThat(additional(udp("mail.add.test.", Type.A))).isEmpty();
    }
}
