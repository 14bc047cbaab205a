package dev.caadns.caa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;

/** Boulder's {@code TestCAAChecking} table (digest Appendix A, B1-B38), RFC and Boulder verdicts side by side. */
class BoulderCaaTableTest {
    private static final String LE = "letsencrypt.org";
    private static final String ACCT = "https://letsencrypt.org/acct/reg/";

    private static final FakeLookup DNS = ExplainFixture.lookup(
            Set.of(Name.fromConstantString("com."), Name.fromConstantString("co.uk.")),
            "reserved.com. CAA 0 issue \"ca.com\"",
            "mixedcase.com. CAA 0 iSsUe \"ca.com\"",
            "critical.com. CAA 1 issue \"ca.com\"",
            "present.com. CAA 0 issue \"letsencrypt.org\"",
            "present.servfail.com. CAA 0 issue \"letsencrypt.org\"",
            "multi-crit-present.com. CAA 1 issue \"ca.com\"",
            "multi-crit-present.com. CAA 1 issue \"letsencrypt.org\"",
            "unknown-critical.com. CAA 128 foo \"bar\"",
            "unknown-critical2.com. CAA 1 foo \"bar\"",
            "unknown-noncritical.com. CAA 126 foo \"bar\"",
            "present-with-parameter.com. CAA 0 issue \"  letsencrypt.org  ;foo=bar;baz=bar\"",
            "present-with-invalid-tag.com. CAA 0 issue \"letsencrypt.org; a_b=123\"",
            "present-with-invalid-value.com. CAA 0 issue \"letsencrypt.org; ab=1 2 3\"",
            "present-dns-only.com. CAA 0 issue \"letsencrypt.org; validationmethods=dns-01\"",
            "present-http-only.com. CAA 0 issue \"letsencrypt.org; validationmethods=http-01\"",
            "present-http-or-dns.com. CAA 0 issue \"letsencrypt.org; validationmethods=http-01,dns-01\"",
            "present-correct-accounturi.com. CAA 0 issue \"letsencrypt.org; accounturi=" + ACCT + "123\"",
            "present-http-only-correct-accounturi.com. CAA 0 issue \"letsencrypt.org; accounturi=" + ACCT
                    + "123; validationmethods=http-01\"",
            "present-dns-only-correct-accounturi.com. CAA 0 issue \"letsencrypt.org; accounturi=" + ACCT
                    + "123; validationmethods=dns-01\"",
            "present-http-only-incorrect-accounturi.com. CAA 0 issue \"letsencrypt.org; accounturi=" + ACCT
                    + "321; validationmethods=http-01\"",
            "present-incorrect-accounturi.com. CAA 0 issue \"letsencrypt.org; accounturi=" + ACCT + "321\"",
            "present-multiple-accounturi.com. CAA 0 issue \"letsencrypt.org; accounturi=" + ACCT + "321\"",
            "present-multiple-accounturi.com. CAA 0 issue \"letsencrypt.org; accounturi=" + ACCT + "123\"",
            "unsatisfiable.com. CAA 0 issue \";\"",
            "unsatisfiable-wildcard.com. CAA 0 issuewild \";\"",
            "unsatisfiable-wildcard-override.com. CAA 0 issue \"letsencrypt.org\"",
            "unsatisfiable-wildcard-override.com. CAA 0 issuewild \"ca.com\"",
            "satisfiable-wildcard-override.com. CAA 0 issue \"ca.com\"",
            "satisfiable-wildcard-override.com. CAA 0 issuewild \"letsencrypt.org\"",
            "satisfiable-multi-wildcard.com. CAA 0 issuewild \"ca.com\"",
            "satisfiable-multi-wildcard.com. CAA 0 issuewild \"letsencrypt.org\"",
            "satisfiable-wildcard.com. CAA 0 issuewild \"letsencrypt.org\"")
            .failing(Name.fromConstantString("servfail.com."), Rcode.SERVFAIL)
            .failing(Name.fromConstantString("servfail.present.com."), Rcode.SERVFAIL)
            .failing(Name.fromConstantString("caa-timeout.com."), Rcode.SERVFAIL)
            .failing(Name.fromConstantString("example.gonetld."), Rcode.NXDOMAIN)
            .failing(Name.fromConstantString("gonetld."), Rcode.NXDOMAIN);

    @ParameterizedTest(name = "{0} {1}: rfc={2} boulder={3} at {4}")
    @CsvSource(delimiter = '|', value = {
        "B1  | reserved.com                                 | deny   | deny   | reserved.com.",
        "B2  | mixedcase.com                                | deny   | deny   | mixedcase.com.",
        "B3  | critical.com                                 | deny   | deny   | critical.com.",
        "B4  | nx.critical.com                              | deny   | deny   | critical.com.",
        "B5  | absent.com                                   | permit | permit | -",
        "B6  | example.co.uk                                | permit | permit | -",
        "B7  | present.com                                  | permit | permit | present.com.",
        "B8  | child.present.com                            | permit | permit | present.com.",
        "B9  | present.servfail.com                         | permit | permit | present.servfail.com.",
        "B10 | multi-crit-present.com                       | permit | permit | multi-crit-present.com.",
        "B11 | unknown-critical.com                         | deny   | deny   | unknown-critical.com.",
        "B12 | unknown-critical2.com                        | permit | deny   | unknown-critical2.com.",
        "B13 | unknown-noncritical.com                      | permit | permit | unknown-noncritical.com.",
        "B14 | *.unknown-noncritical.com                    | permit | permit | unknown-noncritical.com.",
        "B15 | present-with-parameter.com                   | permit | permit | present-with-parameter.com.",
        "B16 | present-with-invalid-tag.com                 | deny   | deny   | present-with-invalid-tag.com.",
        "B17 | present-with-invalid-value.com               | deny   | deny   | present-with-invalid-value.com.",
        "B18 | present-dns-only.com                         | deny   | deny   | present-dns-only.com.",
        "B19 | present-http-only.com                        | permit | permit | present-http-only.com.",
        "B20 | present-http-or-dns.com                      | permit | permit | present-http-or-dns.com.",
        "B21 | present-correct-accounturi.com               | permit | permit | present-correct-accounturi.com.",
        "B22 | present-http-only-correct-accounturi.com     | permit | permit | present-http-only-correct-accounturi.com.",
        "B23 | present-dns-only-correct-accounturi.com      | deny   | deny   | present-dns-only-correct-accounturi.com.",
        "B24 | present-http-only-incorrect-accounturi.com   | deny   | deny   | present-http-only-incorrect-accounturi.com.",
        "B25 | present-incorrect-accounturi.com             | deny   | deny   | present-incorrect-accounturi.com.",
        "B26 | present-multiple-accounturi.com              | permit | permit | present-multiple-accounturi.com.",
        "B27 | unsatisfiable.com                            | deny   | deny   | unsatisfiable.com.",
        "B28 | *.unsatisfiable.com                          | deny   | deny   | unsatisfiable.com.",
        "B29 | *.unsatisfiable-wildcard.com                 | deny   | deny   | unsatisfiable-wildcard.com.",
        "B30 | *.unsatisfiable-wildcard-override.com        | deny   | deny   | unsatisfiable-wildcard-override.com.",
        "B31 | *.satisfiable-wildcard.com                   | permit | permit | satisfiable-wildcard.com.",
        "B32 | *.satisfiable-multi-wildcard.com             | permit | permit | satisfiable-multi-wildcard.com.",
        "B33 | *.satisfiable-wildcard-override.com          | permit | permit | satisfiable-wildcard-override.com.",
        "B34 | satisfiable-wildcard-override.com            | deny   | deny   | satisfiable-wildcard-override.com.",
        "B35 | not.here.but.still.present.com               | permit | permit | present.com.",
        "B36 | caa-timeout.com                              | deny   | deny   | -",
        "B37 | example.gonetld                              | permit | deny   | -",
        "B38 | servfail.present.com                         | deny   | deny   | -",
    })
    void row(String id, String identifier, String rfc, String boulder, String relevant) {
        CaPolicy letsEncrypt = ExplainFixture.ca(LE, ACCT + "123", "http-01");

        Explanation explanation = CaaExplainer.explain(Identifier.parse(identifier), letsEncrypt, DNS);

        assertThat(explanation.verdict().word()).as("RFC verdict: %s", explanation.verdict().reason()).isEqualTo(rfc);
        assertThat(explanation.boulder().word()).as("Boulder verdict: %s", explanation.boulder().reason()).isEqualTo(boulder);
        assertThat(ExplainFixture.relevant(explanation)).isEqualTo(relevant);
    }
}
