package dev.caadns.caa;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * SSLMate's caatestsuite.com zone (copied with its Apache-2.0 licence) and digest §13's expectations:
 * a CA other than caatestsuite.com must not issue; caatestsuite.com itself may, except where noted.
 */
class CaaTestSuiteTest {
    private static final Name APEX = Name.fromConstantString("caatestsuite.com.");
    private static FakeLookup dns;

    @BeforeAll
    static void loadZone() throws IOException {
        List<Record> records = new ArrayList<>();
        try (InputStream in = CaaTestSuiteTest.class.getResourceAsStream("/caa/caatestsuite.com.zone");
             Master master = new Master(in, APEX)) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        }
        dns = new FakeLookup(Set.of(APEX), records);
    }

    @ParameterizedTest(name = "{0}: other CA {1}, caatestsuite.com {2}")
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
        "xss                     | deny | deny",
    })
    void suite(String label, String otherCa, String suiteCa) {
        Identifier identifier = Identifier.parse(label + ".caatestsuite.com");

        Explanation other = CaaExplainer.explain(identifier, CaPolicy.of("ca.example"), dns);
        Explanation suite = CaaExplainer.explain(identifier, CaPolicy.of("caatestsuite.com"), dns);

        assertThat(other.verdict().word()).as(other.verdict().reason()).isEqualTo(otherCa);
        assertThat(other.boulder().word()).isEqualTo(otherCa);
        assertThat(suite.verdict().word()).as(suite.verdict().reason()).isEqualTo(suiteCa);
        assertThat(suite.boulder().word()).isEqualTo(suiteCa);
    }

    @ParameterizedTest(name = "{0} relevant at {1}")
    @CsvSource(delimiter = '|', value = {
        "dname-deny.basic        | -",
        "cname-permit-sub.deny.basic | deny.basic.caatestsuite.com.",
        "dname-permit.deny.basic | deny.basic.caatestsuite.com.",
    })
    void rfc8659DoesNotClimbAliasTargets(String label, String relevant) {
        Explanation explanation = CaaExplainer.explain(Identifier.parse(label + ".caatestsuite.com"),
                CaPolicy.of("caatestsuite.com"), dns);

        assertThat(ExplainFixture.relevant(explanation)).isEqualTo(relevant);
    }
}
