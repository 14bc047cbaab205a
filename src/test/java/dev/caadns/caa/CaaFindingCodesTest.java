package dev.caadns.caa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.zone.Finding;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.SourcedRecord;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every finding code with a zone that fires it and a near miss that does not (digest §9). */
class CaaFindingCodesTest {

    @ParameterizedTest(name = "{0} fires={2}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "E-TAGLEN           | raw:x:0005616263                                               | true",
        "E-TAGLEN           | raw:x:000569737375657631                                       | false",
        "I-TAG-EMPTY        | raw:x:000076                                                   | true",
        "I-TAG-EMPTY        | x CAA 0 issue \";\"                                            | false",
        "I-TAG-CHARS        | x CAA 0 is_sue \"ca.example\"                                  | true",
        "I-TAG-CHARS        | x CAA 0 issue \"ca.example\"                                   | false",
        "I-FLAGS-RESERVED   | x CAA 1 issue \"ca.example\"                                   | true",
        "I-FLAGS-RESERVED   | x CAA 128 issue \"ca.example\"                                 | false",
        "I-ISSUE-ABNF       | x CAA 0 issue \"ca.example; a=1;\"                             | true",
        "I-ISSUE-ABNF       | x CAA 0 issuewild \"ca.example foo\"                           | true",
        "I-ISSUE-ABNF       | x CAA 0 issue \"ca.example; a=1\"                              | false",
        "I-IODEF            | x CAA 0 iodef \"ftp://x.example/r\"                            | true",
        "I-IODEF            | x CAA 0 iodef \"mailto:security@example.com\"                  | false",
        "I-ACCOUNTURI       | x CAA 0 issue \"ca.example; accounturi=acct-1\"                | true",
        "I-ACCOUNTURI       | x CAA 0 issue \"ca.example; accounturi=https://ca.example/a/1\" | false",
        "I-VM-ABNF          | x CAA 0 issue \"ca.example; validationmethods=dns-01,\"        | true",
        "I-VM-ABNF          | x CAA 0 issue \"ca.example; validationmethods=dns-01,http-01\" | false",
        "W-TAG-CASE         | x CAA 0 ISSUE \"ca.example\"                                   | true",
        "W-TAG-CASE         | x CAA 0 issue \"ca.example\"                                   | false",
        "W-TAG-LONG         | x CAA 0 abcdefghijklmnop \"v\"                                 | true",
        "W-TAG-LONG         | x CAA 0 abcdefghijklmno \"v\"                                  | false",
        "W-UNKNOWN          | x CAA 0 foo \"v\"                                              | true",
        "W-UNKNOWN          | x CAA 0 contactemail \"caa@example.com\"                       | false",
        "W-UNKNOWN-CRIT     | x CAA 128 foo \"v\"                                            | true",
        "W-UNKNOWN-CRIT     | x CAA 128 issue \"ca.example\"                                 | false",
        "W-RESERVED-TAG     | x CAA 0 policy \"v\"                                           | true",
        "W-RESERVED-TAG     | x CAA 0 policies \"v\"                                         | false",
        "W-EMPTY-VALUE      | x CAA 0 issue \"\"                                             | true",
        "W-EMPTY-VALUE      | x CAA 0 issue \";\"                                            | false",
        "W-PARAMS-NO-ISSUER | x CAA 0 issue \"; accounturi=https://ca.example/a/1\"          | true",
        "W-PARAMS-NO-ISSUER | x CAA 0 issue \"ca.example; accounturi=https://ca.example/a/1\" | false",
        "W-ISSUER-CASE      | x CAA 0 issue \"CA.example\"                                   | true",
        "W-ISSUER-CASE      | x CAA 0 issue \"ca.example\"                                   | false",
        "W-PARAM-HYPHEN     | x CAA 0 issue \"ca.example; foo-bar=1\"                        | true",
        "W-PARAM-HYPHEN     | x CAA 0 issue \"ca.example; foobar=1\"                         | false",
        "W-PARAM-CASE       | x CAA 0 issue \"ca.example; AccountURI=https://ca.example/a/1\" | true",
        "W-PARAM-CASE       | x CAA 0 issue \"ca.example; accounturi=https://ca.example/a/1\" | false",
        "W-PARAM-DRAFT      | x CAA 0 issue \"ca.example; account-uri=https://ca.example/1\" | true",
        "W-PARAM-DRAFT      | x CAA 0 issue \"ca.example; validation-methods=dns-01\"        | true",
        "W-PARAM-DRAFT      | x CAA 0 issue \"ca.example; validationmethods=dns-01\"         | false",
        "W-ACCT-DUP         | x CAA 0 issue \"ca.example; accounturi=https://c.example/1; accounturi=https://c.example/2\" | true",
        "W-ACCT-DUP         | x CAA 0 issue \"ca.example; accounturi=https://c.example/1\"  | false",
        "W-VM-DUP           | x CAA 0 issue \"ca.example; validationmethods=dns-01; validationmethods=http-01\" | true",
        "W-VM-DUP           | x CAA 0 issue \"ca.example; validationmethods=dns-01\"         | false",
        "W-VM-EMPTY         | x CAA 0 issue \"ca.example; validationmethods=\"               | true",
        "W-VM-EMPTY         | x CAA 0 issue \"ca.example; validationmethods=dns-01\"         | false",
        "W-VM-UNKNOWN       | x CAA 0 issue \"ca.example; validationmethods=foo-01\"         | true",
        "W-VM-UNKNOWN       | x CAA 0 issue \"ca.example; validationmethods=ca-custom,tls-alpn-01\" | false",
        "W-IODEF-HTTP       | x CAA 0 iodef \"http://x.example/r\"                           | true",
        "W-IODEF-HTTP       | x CAA 0 iodef \"https://x.example/r\"                          | false",
        "W-CONTACT          | x CAA 0 contactemail \"mail me\"                               | true",
        "W-CONTACT          | x CAA 0 contactphone \"555-0100\"                              | true",
        "W-CONTACT          | x CAA 0 contactphone \"+1 555 0100\"                           | false",
        "W-NONASCII         | x CAA 0 iodef \"mailto:b\\195\\188cher@example.com\"           | true",
        "W-NONASCII         | x CAA 0 iodef \"mailto:xn--bcher-kva@example.com\"             | false",
        "W-COMMENT-SPLIT    | x CAA 0 issue ca.example;accounturi=https://ca.example/a/1     | true",
        "W-COMMENT-SPLIT    | x CAA 0 issue ca.example ; the CA we picked                    | false",
        "E-CNAME-COEXIST    | x CAA 0 issue \"ca.example\" // x CNAME y                      | true",
        "E-CNAME-COEXIST    | x CAA 0 issue \"ca.example\" // y CNAME x                      | false",
        "W-REDUNDANT-DENY   | x CAA 0 issue \";\" // x CAA 0 issue \"ca.example\"            | true",
        "W-REDUNDANT-DENY   | x CAA 0 issue \";\" // x CAA 0 issuewild \"ca.example\"        | false",
        "W-ISSUEWILD-ONLY   | x CAA 0 issuewild \"ca.example\"                               | true",
        "W-ISSUEWILD-ONLY   | x CAA 0 issuewild \"ca.example\" // x CAA 0 issue \";\"        | false",
        "W-NO-RESTRICTION   | x CAA 0 iodef \"mailto:security@example.com\"                  | true",
        "W-NO-RESTRICTION   | x CAA 128 foo \"v\"                                            | false",
        "W-NO-RESTRICTION   | x CAA 0 issue \";\"                                            | false",
        "W-WILDCARD-OWNER   | *.x CAA 0 issue \"ca.example\"                                 | true",
        "W-WILDCARD-OWNER   | x CAA 0 issue \"ca.example\"                                   | false",
    })
    void code(String code, String lines, boolean fires) {
        List<Finding> findings = validate(lines.split(" // "));

        List<Finding> matching = findings.stream().filter(f -> f.code().equals(code)).toList();
        if (!fires) {
            assertThat(matching).isEmpty();
            return;
        }
        assertThat(matching).isNotEmpty();
        Finding finding = matching.get(0);
        CaaCode expected = CaaCode.valueOf(code.replace('-', '_'));
        assertThat(finding.severity()).isEqualTo(expected.severity());
        assertThat(finding.file()).isEqualTo("lab.test.zone");
        assertThat(finding.line()).isPositive();
        assertThat(finding.owner()).endsWith("lab.test.");
        assertThat(finding.hint()).isNotBlank();
    }

    @Test
    void valuesOver255BytesWarn() {
        byte[] rdata = CaaPropertyWireTest.hex("0005696f646566" + "61".repeat(256));

        assertThat(codes(validate(List.of(sourced(TestZones.rawCaa("x", rdata)))))).contains("W-VALUE-255");
        assertThat(codes(validate("x CAA 0 iodef \"" + "a".repeat(255) + "\""))).doesNotContain("W-VALUE-255");
    }

    @Test
    void answersOver1232BytesWarnThatTcpIsNeeded() {
        List<String> small = new ArrayList<>();
        List<String> big = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            (i < 40 ? small : big).add("x CAA 0 t" + i + " \"test\"");
        }
        big.addAll(small);

        assertThat(codes(validate(small.toArray(String[]::new)))).doesNotContain("W-BIG");
        assertThat(codes(validate(big.toArray(String[]::new)))).contains("W-BIG");
    }

    @Test
    void onlyWarningsLetTheZoneBeServed() {
        assertThat(Arrays.stream(CaaCode.values()).filter(c -> c.severity() == dev.caadns.zone.Severity.WARNING)
                .map(CaaCode::code)).allMatch(c -> c.startsWith("W-"));
        assertThat(CaaCode.I_ISSUE_ABNF.code()).isEqualTo("I-ISSUE-ABNF");
    }

    static List<Finding> validate(String... lines) {
        List<SourcedRecord> records = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].trim();
            if (line.startsWith("raw:")) {
                String[] parts = line.split(":");
                records.add(new SourcedRecord(TestZones.rawCaa(parts[1], CaaPropertyWireTest.hex(parts[2])),
                        "lab.test.zone", i + 1, ""));
            } else {
                records.add(new SourcedRecord(TestZones.parse(line), "lab.test.zone", i + 1, TestZones.comment(line)));
            }
        }
        return validate(records);
    }

    static List<Finding> validate(List<SourcedRecord> records) {
        LoadedZone zone = TestZones.zone(records);
        return new CaaZoneValidator(false).validate(zone);
    }

    static SourcedRecord sourced(org.xbill.DNS.Record record) {
        return new SourcedRecord(record, "lab.test.zone", 1, "");
    }

    static List<String> codes(List<Finding> findings) {
        return findings.stream().map(Finding::code).toList();
    }
}
