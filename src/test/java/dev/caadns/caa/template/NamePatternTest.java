package dev.caadns.caa.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caadns.zone.WireName;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;

class NamePatternTest {

    private static byte[] wire(String name) {
        return Name.fromConstantString(name).toWire();
    }

    @ParameterizedTest(name = "{0} ~ {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "*.apps.lab.test.             | alpha.apps.lab.test.      | true",
        "*.apps.lab.test.             | ALPHA.Apps.LAB.test.      | true",
        "*.apps.lab.test.             | apps.lab.test.            | false",
        "*.apps.lab.test.             | a.b.apps.lab.test.        | false",
        "**.apps.lab.test.            | a.b.apps.lab.test.        | true",
        "**.apps.lab.test.            | a.apps.lab.test.          | true",
        "**.apps.lab.test.            | apps.lab.test.            | false",
        "a.**.lab.test.               | a.x.y.lab.test.           | true",
        "a.**.lab.test.               | b.x.lab.test.             | false",
        "{tenant}.customers.lab.test. | acme.customers.lab.test.  | true",
        "{tenant}.customers.lab.test. | a_b.customers.lab.test.   | false",
        "{tenant}.customers.lab.test. | acme.other.lab.test.      | false",
        "shop.lab.test.               | SHOP.lab.test.            | true",
        "shop.lab.test.               | shop.lab.test.x.          | false",
        "*.wild.lab.test.             | *.wild.lab.test.          | true",
    })
    void matchesWholeNamesLabelByLabel(String pattern, String name, boolean matches) {
        assertThat(NamePattern.parse(pattern).match(wire(name), 0) != NamePattern.NO_MATCH).isEqualTo(matches);
    }

    @Test
    void reportsTheFirstCaptureAndAllCapturedLabels() {
        NamePattern pattern = NamePattern.parse("{env}.**.{tenant}.lab.test.");
        byte[] name = wire("Prod.x.y.Acme.lab.test.");
        assertThat(pattern.match(name, 0)).isZero();
        assertThat(pattern.captured(name, 0)).containsExactly("prod", "acme");
        assertThat(pattern.captures()).containsExactly("env", "tenant");
    }

    @Test
    void indexesByTheLiteralLabelsItEndsWith() {
        assertThat(NamePattern.parse("{t}.customers.Lab.test.").literalSuffix())
                .isEqualTo(WireName.lower(Name.fromConstantString("customers.lab.test.")));
        assertThat(NamePattern.parse("a.**.lab.test.").literalSuffix())
                .isEqualTo(WireName.lower(Name.fromConstantString("lab.test.")));
    }

    @Test
    void moreLiteralLabelsThenFewerDoubleStarsIsMoreSpecific() {
        List<NamePattern> sorted = List.of("**.lab.test.", "*.apps.lab.test.", "**.apps.lab.test.",
                "alpha.apps.lab.test.", "{x}.apps.lab.test.").stream().map(NamePattern::parse)
                .sorted(NamePattern::compareSpecificity).toList();
        assertThat(sorted).extracting(NamePattern::text).containsExactly("alpha.apps.lab.test.",
                "*.apps.lab.test.", "{x}.apps.lab.test.", "**.apps.lab.test.", "**.lab.test.");
        assertThat(NamePattern.parse("*.apps.lab.test.").compareSpecificity(NamePattern.parse("{x}.apps.lab.test.")))
                .as("a tie").isZero();
    }

    @ParameterizedTest(name = "{0} below {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "{t}.x.customers.lab.test. | customers.lab.test.   | true",
        "{t}.x.customers.lab.test. | x.customers.lab.test. | true",
        "{t}.x.customers.lab.test. | a.customers.lab.test. | false",
        "**.deep.lab.test.         | a.deep.lab.test.      | true",
        "**.deep.lab.test.         | deep.lab.test.        | true",
        "a.**.lab.test.            | lab.test.             | true",
        "*.any.lab.test.           | foo.any.lab.test.     | false",
    })
    void knowsWhenItMatchesBelowAName(String pattern, String name, boolean below) {
        assertThat(NamePattern.parse(pattern).matchesBelow(wire(name), 0, (n, p) -> true)).isEqualTo(below);
    }

    @Test
    void aKeyBelowTheNameIsAnyKeyAKeyInTheNameMustBeInTheTable() {
        NamePattern pattern = NamePattern.parse("*.{t}.customers.lab.test.");
        assertThat(pattern.matchesBelow(wire("acme.customers.lab.test."), 0, (n, p) -> false)).isFalse();
        assertThat(pattern.matchesBelow(wire("customers.lab.test."), 0, (n, p) -> false)).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "apps.lab.test       | ending in a dot",
        "*.apps.*.           | end in literal labels",
        "{1x}.lab.test.      | needs a name",
        "{a}.{a}.lab.test.   | appears twice",
        "a*.lab.test.        | neither a literal label",
    })
    void rejectsMalformedPatterns(String pattern, String message) {
        assertThatThrownBy(() -> NamePattern.parse(pattern)).hasMessageContaining(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"{t}.customers.lab.test.", "*.{t}.Apps.lab.test.", "**.{t}.lab.test.", "a.{t}.**.lab.test."})
    void aRepresentativeInWireFormIsTheTextOneParsed(String pattern) {
        NamePattern p = NamePattern.parse(pattern);
        for (String key : List.of("acme", "x", "k".repeat(63))) {
            assertThat(p.representativeWire(key))
                    .isEqualTo(WireName.asWritten(Name.fromConstantString(p.representative(List.of(key)))));
        }
    }

    @Test
    void aRepresentativeLongerThanANameHasNoWireForm() {
        NamePattern p = NamePattern.parse("{t}." + "l".repeat(63) + "." + "m".repeat(63) + "." + "n".repeat(60) + ".test.");
        assertThat(p.representativeWire("k".repeat(59))).isNotNull().hasSize(255);
        assertThat(p.representativeWire("k".repeat(60))).isNull();
    }
}
