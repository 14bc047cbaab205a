package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoadDirectoryTest {

    @Test
    void everyZoneFileLoadsSortedAndABadOneDoesNotStopTheOthers() throws IOException {
        List<LoadedZone> zones = new ZoneLoader(LoadOptions.defaults(), List.of())
                .loadDirectory(Fixtures.path("dir"));

        assertThat(zones).extracting(z -> z.origin().toString())
                .containsExactly("a.test.", "b.test.");
        assertThat(zones).extracting(LoadedZone::servable).containsExactly(true, false);
        assertThat(Fixtures.where(zones.get(1))).containsExactly("Z-CNAME-AND-OTHER@b.test.zone:4");
    }

    @Test
    void validatorsSeeTheCleanedZoneAndTheirFindingsComeLast() throws IOException {
        ZoneValidator countsRecords = zone -> List.of(new Finding(Severity.WARNING, "T-COUNT", "-",
                0, "", "records: " + zone.records().size(), "", false));
        List<LoadedZone> zones = new ZoneLoader(LoadOptions.defaults(), List.of(countsRecords))
                .loadDirectory(Fixtures.path("dir"));

        assertThat(zones.get(1).findings()).extracting(Finding::code)
                .containsExactly("Z-CNAME-AND-OTHER", "T-COUNT");
        assertThat(zones.get(0).findings().get(0).message()).isEqualTo("records: 3");
    }
}
