package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * outside-zones = challtestsrv: every name outside the zone files exists, as in pebble-challtestsrv,
 * so Boulder's CAA climb to the TLD gets an empty NOERROR (AA, made-up SOA) at every label.
 */
class ChalltestsrvOutsideZonesTest extends LabFixtureTest {

    @Override
    LabFixture start(Path dir) throws Exception {
        return new LabFixture(dir, Map.of("outside-zones", "challtestsrv",
                "default-address.ipv4", "10.77.77.77", "default-address.ipv6", ""));
    }

    @Test
    void caaClimbForAnUnknownNameIsAnEmptyNoerrorAtEveryLabel() throws Exception {
        for (String name : new String[] {"a.b.unknown.example.", "b.unknown.example.", "unknown.example.", "example."}) {
            for (Message reply : new Message[] {lab.udp(name, Type.CAA), lab.tcp(name, Type.CAA)}) {
                assertThat(reply.getRcode()).as(name).isEqualTo(Rcode.NOERROR);
                assertThat(reply.getHeader().getFlag(Flags.AA)).as(name).isTrue();
                assertThat(reply.getSection(Section.ANSWER)).as(name).isEmpty();
                assertThat(reply.getSection(Section.AUTHORITY)).as(name).singleElement().isInstanceOf(SOARecord.class)
                        .satisfies(soa -> assertThat(soa.getTTL()).isZero());
            }
        }
    }

    @Test
    void unknownAddressesGetTheDefaultsAndAnEmptyDefaultIsNodata() throws Exception {
        assertThat(lab.udp("host.unknown.example.", Type.A).getSection(Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("10.77.77.77"))
                .satisfies(r -> assertThat(r.getTTL()).isZero());
        Message aaaa = lab.udp("host.unknown.example.", Type.AAAA);
        assertThat(aaaa.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(aaaa.getSection(Section.ANSWER)).isEmpty();

        lab.post("/set-default-ipv6", "{\"ip\":\"2001:db8::7\"}");
        assertThat(lab.udp("host.unknown.example.", Type.AAAA).getSection(Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(((AAAARecord) r).getAddress().getHostAddress()).isEqualTo("2001:db8:0:0:0:0:0:7"));
    }

    @Test
    void everyOtherTypeIsAnEmptyNoerrorNeverNotimpOrNxdomain() throws Exception {
        for (int type : new int[] {Type.MX, Type.TXT, Type.NS, Type.SRV, Type.HTTPS, Type.CNAME, Type.ANY}) {
            Message reply = lab.udp("host.unknown.example.", type);
            assertThat(reply.getRcode()).as(Type.string(type)).isEqualTo(Rcode.NOERROR);
            assertThat(reply.getSection(Section.ANSWER)).as(Type.string(type)).isEmpty();
        }
    }

    @Test
    void recordsSetOutsideTheZonesAreServedAndClearedBackToTheDefault() throws Exception {
        lab.post("/add-a", "{\"host\":\"acme.unknown.example\",\"addresses\":[\"198.51.100.7\"]}");
        lab.post("/add-caa", """
                {"host":"unknown.example","policies":[{"tag":"issue","value":"letsencrypt.org"}]}""");
        assertThat(lab.udp("acme.unknown.example.", Type.A).getSection(Section.ANSWER))
                .extracting(r -> ((ARecord) r).getAddress().getHostAddress()).containsExactly("198.51.100.7");
        assertThat(lab.udp("unknown.example.", Type.CAA).getSection(Section.ANSWER)).extracting(Record::getType)
                .containsExactly(Type.CAA);

        lab.post("/clear-a", "{\"host\":\"acme.unknown.example\"}");
        lab.post("/clear-caa", "{\"host\":\"unknown.example\"}");
        assertThat(lab.udp("acme.unknown.example.", Type.A).getSection(Section.ANSWER))
                .extracting(r -> ((ARecord) r).getAddress().getHostAddress()).containsExactly("10.77.77.77");
        Message caa = lab.udp("unknown.example.", Type.CAA);
        assertThat(caa.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(caa.getSection(Section.ANSWER)).isEmpty();
        // Forgetting the whole overlay keeps challtestsrv's world.
        lab.send("DELETE", "/api/v1/overlay", null);
        assertThat(lab.udp("com.", Type.CAA).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void zoneFilesStillAnswerAsWritten() throws Exception {
        assertThat(lab.udp("nothing.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(lab.udp("nothing.lab.test.", Type.CAA).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(lab.udp("www.lab.test.", Type.A).getSection(Section.ANSWER))
                .extracting(r -> ((ARecord) r).getAddress().getHostAddress()).containsExactly("192.0.2.80");
        // The zone's parent is challtestsrv's: a climb from lab.test. goes on to NOERROR at test.
        assertThat(lab.udp("test.", Type.CAA).getRcode()).isEqualTo(Rcode.NOERROR);
    }
}
