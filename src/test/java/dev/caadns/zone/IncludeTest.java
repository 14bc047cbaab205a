package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class IncludeTest {

    private final LoadedZone zone = Fixtures.load("include/lab.test.zone");

    @Test
    void includedRecordsUseTheIncludeOriginAndTheirOwnFileAndLine() {
        SourcedRecord www = zone.records().stream()
                .filter(r -> r.record().getName().equals(Fixtures.name("www.sub.lab.test.")))
                .findFirst().orElseThrow();

        assertThat(Path.of(www.file())).isEqualTo(Fixtures.path("include/sub.inc"));
        assertThat(www.line()).isEqualTo(2);
        assertThat(www.comment()).isEqualTo("in sub");
    }

    @Test
    void missingFileAndLoopAreErrorsWhereTheIncludeIs() {
        assertThat(Fixtures.where(zone)).containsExactly(
                "Z-INCLUDE-MISSING@lab.test.zone:6", "Z-INCLUDE-LOOP@loop2.inc:1");
        assertThat(zone.servable()).isFalse();
    }

    @Test
    void readingGoesOnAfterABadInclude() {
        assertThat(Fixtures.served(zone)).containsExactly("lab.test. SOA", "lab.test. NS",
                "ns1.lab.test. A", "www.sub.lab.test. A", "l1.lab.test. A", "l2.lab.test. A",
                "after.lab.test. A");
    }

    @Test
    void includesDeeperThanTheLimitAreRefused() {
        LoadedZone deep = Fixtures.load("include/deep.test.zone", new LoadOptions(1, 10));

        assertThat(Fixtures.where(deep)).containsExactly("Z-INCLUDE-DEPTH@d1.inc:2");
        assertThat(Fixtures.served(deep)).contains("d1.deep.test. A")
                .doesNotContain("d2.deep.test. A");
    }

    @Test
    void includesWithinTheLimitLoad() {
        LoadedZone deep = Fixtures.load("include/deep.test.zone", new LoadOptions(2, 10));

        assertThat(deep.findings()).isEmpty();
        assertThat(Fixtures.served(deep)).contains("d1.deep.test. A", "d2.deep.test. A");
    }
}
