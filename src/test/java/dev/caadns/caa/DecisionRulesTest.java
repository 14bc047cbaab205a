package dev.caadns.caa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;

/**
 * Each decision rule on a small zone under the TLD {@code test.}: issue vs issuewild (RFC 8659 §4.3),
 * critical flags, RFC 8657 parameters, issuemail, aliases, empty non-terminals, wildcard owners and
 * climbing, with the RFC and Boulder verdicts where they part (digest §12).
 */
class DecisionRulesTest {
    private static final FakeLookup DNS = ExplainFixture.lookup(Set.of(Name.fromConstantString("test.")),
            "w CAA 0 issue \"ca1.example\"",
            "w CAA 0 issuewild \"ca2.example\"",
            "x.w CAA 0 issue \"ca3.example\"",
            "nobody-but-wild CAA 0 issue \";\"",
            "nobody-but-wild CAA 0 issuewild \"ca2.example\"",
            "wild-only CAA 0 issuewild \"ca2.example\"",
            "crit-contact CAA 128 contactemail \"caa@example.com\"",
            "crit-contact CAA 0 issue \"ca1.example\"",
            "crit-vmc CAA 128 issuevmc \"ca1.example\"",
            "crit-vmc CAA 0 issue \"ca1.example\"",
            "crit-reserved CAA 130 foo \"x\"",
            "acct CAA 0 issue \"ca1.example; accounturi=https://ca1.example/acct/1\"",
            "acct-twice CAA 0 issue \"ca1.example; accounturi=https://ca1.example/acct/1; accounturi=https://ca1.example/acct/1\"",
            "acct-case CAA 0 issue \"ca1.example; AccountURI=https://ca1.example/acct/9\"",
            "vm CAA 0 issue \"ca1.example; validationmethods=dns-01\"",
            "hyphen CAA 0 issue \"ca1.example; foo-bar=1\"",
            "upper CAA 0 issue \"CA1.Example\"",
            "trailing CAA 0 issue \"ca1.example; a=1;\"",
            "additive CAA 0 issue \"ca1.example; a=1;\"",
            "additive CAA 0 issue \"ca1.example\"",
            "mail CAA 0 issuemail \"ca1.example\"",
            "mail CAA 0 issue \";\"",
            "tls-only CAA 0 issue \";\"",
            "iodef-only CAA 0 iodef \"mailto:security@example.com\"",
            "parent CAA 0 issue \"ca1.example\"",
            "alias.parent CNAME w",
            "dangling.parent CNAME nowhere.parent",
            "redirect.parent DNAME w",
            "leaf.ent.parent A 192.0.2.1",
            "*.star CAA 0 issue \"ca2.example\"",
            "star CAA 0 issue \"ca1.example\"",
            "lab CAA 0 issue \"ca1.example\"",
            "lab.test. SOA ns.lab.test. h.lab.test. 1 2 3 4 5");

    @ParameterizedTest(name = "{0} by {1} acct={2} vm={3}: rfc={4} boulder={5} at {6}")
    @CsvSource(delimiter = '|', value = {
        // RFC 8659 §4.3 table (digest §2.1)
        "w.lab.test                 | ca1.example |                          |         | permit | permit | w.lab.test.",
        "w.lab.test                 | ca2.example |                          |         | deny   | deny   | w.lab.test.",
        "*.w.lab.test               | ca2.example |                          |         | permit | permit | w.lab.test.",
        "*.w.lab.test               | ca1.example |                          |         | deny   | deny   | w.lab.test.",
        "nobody-but-wild.lab.test   | ca2.example |                          |         | deny   | deny   | nobody-but-wild.lab.test.",
        "*.nobody-but-wild.lab.test | ca2.example |                          |         | permit | permit | nobody-but-wild.lab.test.",
        "wild-only.lab.test         | ca9.example |                          |         | permit | permit | wild-only.lab.test.",
        "*.wild-only.lab.test       | ca9.example |                          |         | deny   | deny   | wild-only.lab.test.",
        // critical flags
        "crit-contact.lab.test      | ca1.example |                          |         | permit | deny   | crit-contact.lab.test.",
        "crit-vmc.lab.test          | ca1.example |                          |         | permit | permit | crit-vmc.lab.test.",
        "crit-reserved.lab.test     | ca1.example |                          |         | deny   | deny   | crit-reserved.lab.test.",
        // RFC 8657 parameters
        "acct.lab.test              | ca1.example | https://ca1.example/acct/1 |       | permit | permit | acct.lab.test.",
        "acct.lab.test              | ca1.example | https://ca1.example/acct/2 |       | deny   | deny   | acct.lab.test.",
        "acct.lab.test              | ca1.example |                          |         | deny   | deny   | acct.lab.test.",
        "acct-twice.lab.test        | ca1.example | https://ca1.example/acct/1 |       | deny   | deny   | acct-twice.lab.test.",
        "acct-case.lab.test         | ca1.example | https://ca1.example/acct/1 |       | deny   | permit | acct-case.lab.test.",
        "vm.lab.test                | ca1.example |                          | dns-01  | permit | permit | vm.lab.test.",
        "vm.lab.test                | ca1.example |                          | http-01 | deny   | deny   | vm.lab.test.",
        // grammar and case
        "hyphen.lab.test            | ca1.example |                          |         | permit | deny   | hyphen.lab.test.",
        "upper.lab.test             | ca1.example |                          |         | permit | deny   | upper.lab.test.",
        "trailing.lab.test          | ca1.example |                          |         | deny   | deny   | trailing.lab.test.",
        "additive.lab.test          | ca1.example |                          |         | permit | permit | additive.lab.test.",
        // issuemail (RFC 9495): only issuemail restricts mailboxes
        "user@mail.lab.test         | ca1.example |                          |         | permit | -      | mail.lab.test.",
        "user@mail.lab.test         | ca2.example |                          |         | deny   | -      | mail.lab.test.",
        "user@tls-only.lab.test     | ca2.example |                          |         | permit | -      | tls-only.lab.test.",
        // an RRset that restricts nothing still hides the parent
        "iodef-only.lab.test        | ca9.example |                          |         | permit | permit | iodef-only.lab.test.",
        // aliases: the target's CAA, never the target's parents
        "alias.parent.lab.test      | ca2.example |                          |         | deny   | deny   | w.lab.test.",
        "*.alias.parent.lab.test    | ca2.example |                          |         | permit | permit | w.lab.test.",
        "dangling.parent.lab.test   | ca2.example |                          |         | deny   | deny   | parent.lab.test.",
        "x.redirect.parent.lab.test | ca3.example |                          |         | permit | permit | x.w.lab.test.",
        "*.y.redirect.parent.lab.test | ca2.example |                        |         | deny   | deny   | parent.lab.test.",
        // empty non-terminal: NODATA, climb on
        "leaf.ent.parent.lab.test   | ca2.example |                          |         | deny   | deny   | parent.lab.test.",
        // DNS wildcard owner applies to missing names, not to the certificate *.star
        "foo.star.lab.test          | ca2.example |                          |         | permit | permit | foo.star.lab.test.",
        "*.star.lab.test            | ca2.example |                          |         | deny   | deny   | star.lab.test.",
        // climbing: nothing up to the TLD
        "a.b.nothing.test           | ca9.example |                          |         | permit | permit | -",
    })
    void rule(String identifier, String issuer, String account, String method, String rfc, String boulder,
              String relevant) {
        Explanation explanation = CaaExplainer.explain(Identifier.parse(identifier),
                ExplainFixture.ca(issuer, account, method), DNS);

        assertThat(explanation.verdict().word()).as(explanation.verdict().reason()).isEqualTo(rfc);
        assertThat(explanation.boulder() == null ? "-" : explanation.boulder().word()).isEqualTo(boulder);
        assertThat(ExplainFixture.relevant(explanation)).isEqualTo(relevant);
    }
}
