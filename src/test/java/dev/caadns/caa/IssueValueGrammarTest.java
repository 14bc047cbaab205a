package dev.caadns.caa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 8659 §4.2 ABNF (digest §2) and Boulder's TestExtractIssuerDomainAndParameters table. */
class IssueValueGrammarTest {

    @ParameterizedTest(name = "[{0}] -> issuer [{1}] params [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "''                                    | ''                | ''",
        ";                                     | ''                | ''",
        "' ; '                                 | ''                | ''",
        "'; a=b'                               | ''                | a=b",
        "letsencrypt.org                       | letsencrypt.org   | ''",
        "letsencrypt.org;                      | letsencrypt.org   | ''",
        "'letsencrypt.org;   '                 | letsencrypt.org   | ''",
        "'  letsencrypt.org  ;foo=bar;baz=bar' | letsencrypt.org   | foo=bar,baz=bar",
        "'ca.example; policy='                 | ca.example        | policy=",
        "'ca.example; vm=b1,b2,b3'             | ca.example        | vm=b1,b2,b3",
        "'ca.example; k=a=b'                   | ca.example        | k=a=b",
        "'ca.example; a=1; a=2'                | ca.example        | a=1,a=2",
        "'ca.example; 1=2'                     | ca.example        | 1=2",
        "'ca.example; a-b=c-d'                 | ca.example        | a-b=c-d",
        "'ca.example;\ta\t=\tb\t'              | ca.example        | a=b",
        "localca                               | localca           | ''",
        "a--b.example                          | a--b.example      | ''",
        "TestCA.Example                        | TestCA.Example    | ''",
    })
    void wellFormed(String value, String issuer, String parameters) {
        IssueValue parsed = IssueValue.parse(value.replace("\\t", "\t").getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.malformation()).isNull();
        assertThat(parsed.issuer()).isEqualTo(issuer);
        assertThat(parsed.parameters().stream().map(p -> p.tag() + "=" + p.value()).collect(Collectors.joining(",")))
                .isEqualTo(parameters);
    }

    @ParameterizedTest(name = "[{0}] malformed: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', value = {
        "'ca.example; a=1;'                    | trailing `;`",
        "'ca.example;; a=1'                    | empty parameter",
        "'ca.example; a = b c'                 | after parameter",
        "'ca.example; ab=1 2 3'                | after parameter",
        "'ca.example; a;b'                     | no `=value`",
        "'ca.example; a_b=123'                 | contains `_`",
        "'ca.example; -a=1'                    | starts or ends with `-`",
        "'ca.example; a=1 b=2'                 | after parameter",
        "'ca.example; a=\u2615'                | after parameter",
        "'ca.example.'                         | ends with a dot",
        "'ca..example'                         | empty label",
        "'-ca.example'                         | starts or ends with `-`",
        "'ca_example.com'                      | contains `_`",
        "'*.ca.example'                        | contains `*`",
        "'%%%%%'                               | contains `%`",
        "'ca.example foo'                      | after issuer",
        "'<script>alert(''x'')</script>'       | contains `<`",
        "'b\u00fccher.example'                 | contains byte",
    })
    void malformed(String value, String why) {
        IssueValue parsed = IssueValue.parse(value.getBytes(StandardCharsets.UTF_8));

        assertThat(parsed.wellFormed()).isFalse();
        assertThat(parsed.authorisesNobody()).isTrue();
        assertThat(parsed.malformation().message()).contains(why);
        assertThat(parsed.malformation().hint()).isNotBlank();
    }
}
