package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caadns.cli.Plugins;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The plugins as {@code serve} assembles them: the management API checks CAA changes with the CAA
 * module's validator and answers explain with its verdict.
 */
class CaaThroughTheApiTest extends LabFixtureTest {
    @Override
    LabFixture start(Path dir) throws Exception {
        return new LabFixture(dir, Map.of(), Plugins::forSettings);
    }

    @Test
    void aMalformedCaaChangeIsRefusedWithTheFindingAndNothingChanges() throws Exception {
        HttpResponse<String> put = lab.send("PUT", "/api/v1/zones/lab.test./rrsets/www/CAA",
                "{\"ttl\":60,\"records\":[\"0 issue \\\"ca.example; a=1;\\\"\"]}");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("I-ISSUE-ABNF");
        assertThat(caa("www.lab.test.")).isEmpty();
    }

    @Test
    void aChalltestsrvAddCaaIsServedAndExplainedAsAPermit() throws Exception {
        HttpResponse<String> add = lab.post("/add-caa",
                "{\"host\":\"www.lab.test\",\"policies\":[{\"tag\":\"issue\",\"value\":\"pki.goog\"}]}");
        assertThat(add.statusCode()).isEqualTo(200);
        assertThat(caa("www.lab.test.")).containsExactly("0 issue \"pki.goog\"");

        JsonNode google = new ObjectMapper().readTree(lab.get("/api/v1/explain?name=www.lab.test&ca=pki.goog").body());
        JsonNode other = new ObjectMapper().readTree(lab.get("/api/v1/explain?name=www.lab.test&ca=ca.example").body());

        assertThat(google.get("verdict").asText()).isEqualTo("permit");
        assertThat(google.get("relevant").asText()).isEqualTo("www.lab.test.");
        assertThat(other.get("verdict").asText()).isEqualTo("deny");
    }

    @Test
    void explainFollowsACnameIntoAnotherServedZone() throws Exception {
        Files.writeString(dir.resolve("ext.test.zone"), """
                $ORIGIN ext.test.
                $TTL 300
                @   SOA ns hostmaster 1 3600 600 86400 300
                @   NS  ns
                ns  A   192.0.2.54
                caa CAA 0 issue "otherca.example"
                """);
        assertThat(lab.post("/api/v1/reload", null).body()).contains("\"zone\":\"ext.test.\"");
        assertThat(lab.send("PUT", "/api/v1/zones/lab.test./rrsets/alias/CNAME",
                "{\"ttl\":60,\"records\":[\"caa.ext.test.\"]}").statusCode()).isEqualTo(200);

        JsonNode explained = new ObjectMapper().readTree(
                lab.get("/api/v1/explain?name=alias.lab.test&ca=otherca.example").body());

        assertThat(explained.get("verdict").asText()).isEqualTo("permit");
        assertThat(explained.get("relevant").asText()).isEqualTo("caa.ext.test.");
        assertThat(explained.at("/steps/0/askedAgain/0").asText()).isEqualTo("caa.ext.test.");
        assertThat(explained.at("/steps/0/text").asText()).contains("another zone: asked there");
    }

    private List<String> caa(String name) throws Exception {
        return lab.udp(name, Type.CAA).getSection(Section.ANSWER).stream()
                .filter(r -> r.getType() == Type.CAA).map(Record::rdataToString).toList();
    }
}
