package dev.caadns.caa;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;

/** RFC 8659 §3: the names asked, in order, and what each answer was; never the root, never alias parents. */
class RelevantRRsetSearchTest {
    private static final FakeLookup DNS = ExplainFixture.lookup(Set.of(Name.fromConstantString("lab.test.")),
            "lab.test. SOA ns.lab.test. h.lab.test. 1 2 3 4 5",
            "alias CNAME target.other",
            "target.other A 192.0.2.1",
            "other CAA 0 issue \"ca.example\"",
            "leaf.ent A 192.0.2.1");

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a.b.lab.test     | a.b.lab.test.:nxdomain b.lab.test.:nxdomain lab.test.:nodata test.:refused",
        "alias.lab.test   | alias.lab.test.:nodata lab.test.:nodata test.:refused",
        "ent.lab.test     | ent.lab.test.:nodata lab.test.:nodata test.:refused",
        "x.other.lab.test | x.other.lab.test.:nxdomain other.lab.test.:caa",
        "*.other.lab.test | other.lab.test.:caa",
    })
    void asksEachLabelUntilANonEmptyAnswer(String identifier, String expected) {
        List<Step> steps = CaaExplainer.explain(Identifier.parse(identifier), CaPolicy.of("ca.example"), DNS).steps();

        assertThat(steps).extracting(s -> s.asked() + ":" + s.outcome().name().toLowerCase())
                .containsExactly(expected.split(" "));
    }
}
