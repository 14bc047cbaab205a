package dev.caadns.caa;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;

/** Text shows every step on its own line; JSON carries verdict, relevant owner, steps, reason and Boulder's view. */
class ExplanationRenderingTest {
    private static final FakeLookup DNS = ExplainFixture.lookup(Set.of(Name.fromConstantString("lab.test.")),
            "lab.test. SOA ns.lab.test. h.lab.test. 1 2 3 4 5",
            "www CNAME host",
            "lab.test. CAA 0 issue \"LetsEncrypt.org\"");

    private final Explanation explanation = CaaExplainer.explain(Identifier.parse("a.www.lab.test"),
            CaPolicy.of("letsencrypt.org"), DNS);

    @Test
    void textHasOneLinePerStepAndBothVerdicts() {
        String text = ExplanationText.render(explanation);

        assertThat(text.lines()).contains(
                "1. CAA? a.www.lab.test. -> NXDOMAIN",
                "2. CAA? www.lab.test. -> CNAME host.lab.test., NXDOMAIN",
                "3. CAA? lab.test. -> 1 CAA record(s) at lab.test.",
                "     lab.test. CAA 0 issue \"LetsEncrypt.org\"",
                "relevant RRset: lab.test.");
        assertThat(text).contains("verdict: permit").contains("boulder (differs): deny");
    }

    @Test
    void jsonHasTheAgreedShape() throws Exception {
        JsonNode json = new ObjectMapper().readTree(ExplanationJson.render(explanation));

        assertThat(json.get("verdict").asText()).isEqualTo("permit");
        assertThat(json.get("relevant").asText()).isEqualTo("lab.test.");
        assertThat(json.get("decidedBy").asText()).isEqualTo("0 issue \"LetsEncrypt.org\"");
        assertThat(json.get("steps")).hasSize(3);
        assertThat(json.get("steps").get(1).get("cname").get(0).asText()).isEqualTo("host.lab.test.");
        assertThat(json.get("steps").get(0).get("outcome").asText()).isEqualTo("nxdomain");
        assertThat(json.get("reason").asText()).isNotBlank();
        assertThat(json.get("boulder").get("verdict").asText()).isEqualTo("deny");
        assertThat(json.get("boulder").get("differs").asBoolean()).isTrue();
    }

    @Test
    void jsonRelevantIsNullWhenNothingWasFound() throws Exception {
        Explanation none = CaaExplainer.explain(Identifier.parse("user@x.lab.test"), CaPolicy.of("ca.example"),
                ExplainFixture.lookup(Set.of(Name.fromConstantString("lab.test."))));

        JsonNode json = new ObjectMapper().readTree(ExplanationJson.render(none));

        assertThat(json.get("relevant").isNull()).isTrue();
        assertThat(json.get("boulder").isNull()).isTrue();
        assertThat(json.get("kind").asText()).isEqualTo("mailbox");
    }
}
