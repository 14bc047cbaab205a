package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * outside-zones = refused (the default): a host set outside every zone file gets an implicit lab zone
 * at its top-level domain, which stays when the host's records are cleared, and in which every name
 * exists for every type (RFC 8020), as the default address says it does.
 */
class ImplicitLabZoneTest extends LabFixtureTest {

    @Test
    void clearCaaOfAHostOutsideTheZonesKeepsItsLabZone() throws Exception {
        lab.post("/add-caa", """
                {"host":"acme.example.com","policies":[{"tag":"issue","value":"letsencrypt.org"}]}""");
        assertThat(lab.udp("acme.example.com.", Type.CAA).getSection(Section.ANSWER)).hasSize(1);

        assertThat(lab.post("/clear-caa", "{\"host\":\"acme.example.com\"}").statusCode()).isEqualTo(200);

        for (String name : new String[] {"acme.example.com.", "example.com.", "com."}) {
            Message reply = lab.udp(name, Type.CAA);
            assertThat(reply.getRcode()).as(name).isEqualTo(Rcode.NOERROR);
            assertThat(reply.getHeader().getFlag(Flags.AA)).as(name).isTrue();
            assertThat(reply.getSection(Section.ANSWER)).as(name).isEmpty();
            assertThat(reply.getSection(Section.AUTHORITY)).as(name).singleElement()
                    .satisfies(soa -> assertThat(soa.getType()).isEqualTo(Type.SOA));
        }
    }

    @Test
    void anUnknownNameExistsForEveryTypeNotOnlyForTheDefaultAddress() throws Exception {
        lab.post("/set-default-ipv4", "{\"ip\":\"10.10.10.2\"}");
        lab.post("/add-a", "{\"host\":\"acme.example.com\",\"addresses\":[\"198.51.100.7\"]}");

        Message a = lab.udp("unknown.example.com.", Type.A);
        assertThat(a.getSection(Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("10.10.10.2"));
        for (int type : new int[] {Type.CAA, Type.TXT, Type.AAAA, Type.MX}) {
            Message reply = lab.udp("unknown.example.com.", type);
            assertThat(reply.getRcode()).as(Type.string(type)).isEqualTo(Rcode.NOERROR);
            assertThat(reply.getSection(Section.ANSWER)).as(Type.string(type)).isEmpty();
        }
        // Below a name with data too, and over TCP alike.
        assertThat(lab.tcp("deeper.acme.example.com.", Type.CAA).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void forgettingTheOverlayForgetsItsLabZones() throws Exception {
        lab.post("/add-a", "{\"host\":\"acme.example.com\",\"addresses\":[\"198.51.100.7\"]}");
        lab.post("/clear-a", "{\"host\":\"acme.example.com\"}");
        assertThat(lab.udp("com.", Type.CAA).getRcode()).isEqualTo(Rcode.NOERROR);

        assertThat(lab.send("DELETE", "/api/v1/overlay", null).statusCode()).isEqualTo(204);

        assertThat(lab.udp("com.", Type.CAA).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(lab.udp("acme.example.com.", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
    }

    @Test
    void namesInNoZoneAreRefusedForEveryTypeEvenWithADefaultAddress() throws Exception {
        lab.post("/set-default-ipv4", "{\"ip\":\"10.10.10.2\"}");

        assertThat(lab.udp("nowhere.example.", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(lab.udp("nowhere.example.", Type.CAA).getRcode()).isEqualTo(Rcode.REFUSED);
    }
}
