package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OriginTest {

    private static LoadedZone load(String fixture, String origin) {
        return new ZoneLoader(LoadOptions.defaults(), List.of())
                .load(Fixtures.path(fixture), origin == null ? null : Fixtures.name(origin));
    }

    @Test
    void originComesFromTheFileNameAndNamesFollowRfc1035() {
        LoadedZone zone = load("origin/lab.test.zone", null);

        assertThat(zone.origin()).isEqualTo(Fixtures.name("lab.test."));
        assertThat(zone.findings()).isEmpty();
        assertThat(Fixtures.served(zone)).containsExactly("lab.test. SOA", "lab.test. NS",
                "ns1.lab.test. A", "abs.lab.test. A", "www.sub.lab.test. A", "sub.lab.test. TXT");
    }

    @Test
    void originDirectiveBeforeTheFirstRecordNamesTheZone() {
        LoadedZone zone = load("origin/named-by-directive.zone", null);

        assertThat(zone.origin()).isEqualTo(Fixtures.name("other.test."));
        assertThat(zone.findings()).isEmpty();
    }

    @Test
    void explicitOriginWins() {
        LoadedZone zone = load("origin/named-by-directive.zone", "given.test.");

        assertThat(zone.origin()).isEqualTo(Fixtures.name("given.test."));
        assertThat(Fixtures.where(zone)).contains("Z-SOA-MISSING@named-by-directive.zone:0",
                "Z-OUT-OF-ZONE@named-by-directive.zone:3");
    }

    @Test
    void missingFileIsAFindingNotAnException() {
        LoadedZone zone = new ZoneLoader(LoadOptions.defaults(), List.of())
                .load(Fixtures.path("origin/lab.test.zone").resolveSibling("absent.test.zone"), null);

        assertThat(zone.origin()).isEqualTo(Fixtures.name("absent.test."));
        assertThat(Fixtures.where(zone)).containsExactly("Z-FILE@absent.test.zone:0");
        assertThat(zone.servable()).isFalse();
    }
}
