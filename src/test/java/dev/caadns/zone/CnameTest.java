package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CnameTest {

    private final LoadedZone zone = Fixtures.load("cname/lab.test.zone");

    @Test
    void aliasConflictsAreErrorsAtTheOffendingRecord() {
        assertThat(Fixtures.where(zone)).containsExactly(
                "Z-CNAME-AND-OTHER@lab.test.zone:6",
                "Z-CNAME-MULTIPLE@lab.test.zone:8",
                "Z-DNAME-MULTIPLE@lab.test.zone:10",
                "Z-DNAME-OCCLUDED@lab.test.zone:11");
        assertThat(zone.servable()).isFalse();
    }

    @Test
    void hintSaysWhatToRemove() {
        Finding beside = zone.findings().get(0);

        assertThat(beside.owner()).isEqualTo("www.lab.test.");
        assertThat(beside.hint()).isEqualTo("remove the A record beside the CNAME at www.lab.test."
                + " or turn the CNAME into records");
    }
}
