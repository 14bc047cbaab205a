package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DuplicateTest {

    private final LoadedZone zone = Fixtures.load("duplicate/lab.test.zone");

    @Test
    void identicalRecordsCollapseToTheFirstWithAWarning() {
        assertThat(Fixtures.where(zone)).containsExactly("Z-DUPLICATE@lab.test.zone:4",
                "Z-DUPLICATE@lab.test.zone:7", "Z-DUPLICATE@lab.test.zone:10");
        assertThat(zone.servable()).isTrue();
        assertThat(zone.records()).extracting(SourcedRecord::line)
                .containsExactly(2, 3, 5, 6, 8, 9, 11);
    }

    @Test
    void caaValuesCompareByteForByte() {
        assertThat(zone.records().stream().filter(r -> r.record().getType() == 257))
                .extracting(r -> r.record().rdataToString())
                .containsExactly("0 issue \"ca.example\"", "0 issue \"CA.example\"");
    }
}
