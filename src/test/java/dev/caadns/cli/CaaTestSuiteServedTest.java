package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.answer.LocalLookup;
import dev.caadns.caa.CaPolicy;
import dev.caadns.caa.CaaExplainer;
import dev.caadns.caa.Explanation;
import dev.caadns.caa.Identifier;
import dev.caadns.server.CaadnsServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * SSLMate's caatestsuite.com and ipv6only.caatestsuite.com zones (copied with their Apache-2.0 licence
 * into test resources caa/) served as published in lab mode, and explain's verdict for every name of
 * digest §13 that needs no DNSSEC, read through the real answer engine.
 */
class CaaTestSuiteServedTest {
    private static CaadnsServer server;
    private static LocalLookup dns;

    @BeforeAll
    static void serveTheSuite() throws Exception {
        server = TestServers.start(TestServers.resource("/caa"), true);
        dns = new LocalLookup(server.chain());
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void bothSuiteZonesAreServed() {
        assertThat(server.zones().get().zones().stream().map(z -> z.originName().toString()))
                .containsExactlyInAnyOrder("caatestsuite.com.", "ipv6only.caatestsuite.com.");
    }

    @ParameterizedTest(name = "{0}: letsencrypt.org {1}, caatestsuite.com {2}")
    @CsvSource(delimiter = '|', value = {
        "empty.basic             | deny | deny",
        "deny.basic              | deny | permit",
        "uppercase-deny.basic    | deny | permit",
        "mixedcase-deny.basic    | deny | permit",
        "big.basic               | deny | permit",
        "critical1.basic         | deny | deny",
        "critical2.basic         | deny | deny",
        "sub1.deny.basic         | deny | permit",
        "sub2.sub1.deny.basic    | deny | permit",
        "*.deny.basic            | deny | permit",
        "*.deny-wild.basic       | deny | permit",
        "cname-deny.basic        | deny | permit",
        "cname-cname-deny.basic  | deny | permit",
        "sub1.cname-deny.basic   | deny | permit",
        "deny.permit.basic       | deny | permit",
        "permit.basic            | permit | permit",
        "ipv6only                | deny | permit",
        "xss                     | deny | deny",
    })
    void verdictOverTheServedSuite(String label, String letsEncrypt, String suiteCa) {
        Identifier identifier = Identifier.parse(label + ".caatestsuite.com");

        Explanation other = CaaExplainer.explain(identifier, CaPolicy.of("letsencrypt.org"), dns);
        Explanation suite = CaaExplainer.explain(identifier, CaPolicy.of("caatestsuite.com"), dns);

        assertThat(other.relevant()).as("a relevant RRset is found for " + label).isNotNull();
        assertThat(other.verdict().word()).as(other.verdict().reason()).isEqualTo(letsEncrypt);
        assertThat(other.boulder().word()).as(other.boulder().reason()).isEqualTo(letsEncrypt);
        assertThat(suite.verdict().word()).as(suite.verdict().reason()).isEqualTo(suiteCa);
        assertThat(suite.boulder().word()).as(suite.boulder().reason()).isEqualTo(suiteCa);
    }

    @ParameterizedTest(name = "{0} relevant at {1}")
    @CsvSource(delimiter = '|', value = {
        "dname-deny.basic            | -",
        "cname-permit-sub.deny.basic | deny.basic.caatestsuite.com.",
        "dname-permit.deny.basic     | deny.basic.caatestsuite.com.",
    })
    void rfc8659DoesNotClimbAliasTargets(String label, String relevant) {
        Explanation explanation = CaaExplainer.explain(Identifier.parse(label + ".caatestsuite.com"),
                CaPolicy.of("caatestsuite.com"), dns);

        assertThat(explanation.relevant() == null ? "-" : explanation.relevant().answeredAt().toString())
                .isEqualTo(relevant);
    }

    @Test
    void withoutLabModeTheSuiteZoneIsRefusedForItsCaaErrors() throws Exception {
        try (CaadnsServer strict = TestServers.start(TestServers.resource("/caa"), false)) {
            List<String> served = strict.zones().get().zones().stream()
                    .map(z -> z.originName().toString()).toList();

            assertThat(served).containsExactly("ipv6only.caatestsuite.com.");
        }
    }
}
