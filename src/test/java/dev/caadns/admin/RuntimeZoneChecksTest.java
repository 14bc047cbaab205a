package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.cli.Plugins;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** A runtime change passes the zone checks a zone file passes: what a file may not hold, the API may not set. */
class RuntimeZoneChecksTest extends LabFixtureTest {
    @Override
    LabFixture start(Path dir) throws Exception {
        return new LabFixture(dir, Map.of(), Plugins::forSettings);
    }

    @Test
    void setCnameBesideOtherDataIsRefusedAndNothingChanges() throws Exception {
        HttpResponse<String> cname = lab.post("/set-cname", "{\"host\":\"www.lab.test\",\"target\":\"lab.test\"}");

        assertThat(cname.statusCode()).isEqualTo(400);
        assertThat(cname.body()).contains("Z-CNAME-AND-OTHER").contains("www.lab.test.");
        Message a = lab.udp("www.lab.test.", Type.A);
        assertThat(a.getSection(Section.ANSWER)).singleElement().satisfies(r -> assertThat(r.getType()).isEqualTo(Type.A));
    }

    @Test
    void caaAtACnameOwnerIsRefused() throws Exception {
        assertThat(lab.post("/set-cname", "{\"host\":\"alias.lab.test\",\"target\":\"www.lab.test\"}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> put = lab.send("PUT", "/api/v1/zones/lab.test./rrsets/alias/CAA",
                "{\"ttl\":60,\"records\":[\"0 issue \\\"ca.example\\\"\"]}");
        HttpResponse<String> add = lab.post("/add-caa",
                "{\"host\":\"alias.lab.test\",\"policies\":[{\"tag\":\"issue\",\"value\":\"ca.example\"}]}");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("CNAME");
        assertThat(add.statusCode()).isEqualTo(400);
        Message caa = lab.udp("alias.lab.test.", Type.CAA);
        assertThat(caa.getSection(Section.ANSWER)).allSatisfy(r -> assertThat(r.getType()).isNotEqualTo(Type.CAA));
    }

    @Test
    void clearingBackToTheFilesDataIsRefusedWhenItWouldStandBesideARuntimeCname() throws Exception {
        assertThat(lab.send("DELETE", "/api/v1/zones/lab.test./rrsets/www/A", null).statusCode()).isEqualTo(204);
        assertThat(lab.post("/set-cname", "{\"host\":\"www.lab.test\",\"target\":\"lab.test\"}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> clear = lab.post("/clear-a", "{\"host\":\"www.lab.test\"}");

        assertThat(clear.statusCode()).isEqualTo(400);
        assertThat(clear.body()).contains("Z-CNAME-AND-OTHER");
        assertThat(lab.udp("www.lab.test.", Type.A).getSection(Section.ANSWER))
                .singleElement().satisfies(r -> assertThat(r.getType()).isEqualTo(Type.CNAME));
    }

    @Test
    void dataBelowADnameIsRefused() throws Exception {
        assertThat(lab.send("PUT", "/api/v1/zones/lab.test./rrsets/old/DNAME",
                "{\"ttl\":60,\"records\":[\"new.example.\"]}").statusCode()).isEqualTo(200);

        HttpResponse<String> below = lab.post("/set-txt", "{\"host\":\"_acme-challenge.x.old.lab.test\",\"value\":\"v\"}");

        assertThat(below.statusCode()).isEqualTo(400);
        assertThat(below.body()).contains("Z-DNAME-OCCLUDED");
    }

    @Test
    void aSecondCnameTargetReplacesTheFirstAndDeletingTheApexSoaIsRefused() throws Exception {
        assertThat(lab.post("/set-cname", "{\"host\":\"alias.lab.test\",\"target\":\"a.example\"}").statusCode()).isEqualTo(200);
        assertThat(lab.post("/set-cname", "{\"host\":\"alias.lab.test\",\"target\":\"b.example\"}").statusCode()).isEqualTo(200);

        HttpResponse<String> delete = lab.send("DELETE", "/api/v1/zones/lab.test./rrsets/@/SOA", null);

        assertThat(delete.statusCode()).isEqualTo(400);
        assertThat(lab.udp("lab.test.", Type.SOA).getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(lab.udp("lab.test.", Type.SOA).getSection(Section.ANSWER)).hasSize(1);
    }
}
