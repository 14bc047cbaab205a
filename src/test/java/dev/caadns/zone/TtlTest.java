package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TtlTest {

    private static long ttlOf(LoadedZone zone, String owner, int index) {
        return zone.records().stream()
                .filter(r -> r.record().getName().equals(Fixtures.name(owner)))
                .skip(index).findFirst().orElseThrow().record().getTTL();
    }

    @Test
    void differingTtlsInAnRrsetWarnAndTheFirstIsServed() {
        LoadedZone zone = Fixtures.load("ttl/lab.test.zone");

        assertThat(Fixtures.where(zone)).containsExactly("Z-TTL-MISMATCH@lab.test.zone:6");
        assertThat(zone.findings().get(0).message()).contains("TTL 100 is served");
        assertThat(zone.servable()).isTrue();
        assertThat(ttlOf(zone, "t.lab.test.", 0)).isEqualTo(100);
        assertThat(ttlOf(zone, "t.lab.test.", 1)).isEqualTo(100);
        assertThat(ttlOf(zone, "u.lab.test.", 0)).isEqualTo(300);
    }

    @Test
    void withoutTtlDirectiveTheSoaMinimumThenTheLastTtlApply() {
        LoadedZone zone = Fixtures.load("ttl/nottl.test.zone");

        assertThat(zone.findings()).isEmpty();
        assertThat(ttlOf(zone, "nottl.test.", 0)).as("SOA takes its minimum").isEqualTo(120);
        assertThat(ttlOf(zone, "nottl.test.", 1)).as("NS takes the last TTL").isEqualTo(120);
        assertThat(ttlOf(zone, "ns1.nottl.test.", 0)).isEqualTo(20);
        assertThat(ttlOf(zone, "after.nottl.test.", 0)).isEqualTo(20);
    }

    @Test
    void recordWithNoTtlAnywhereIsASyntaxError() {
        LoadedZone zone = Fixtures.load("ttl/before.test.zone");

        assertThat(Fixtures.where(zone)).containsExactly("Z-SYNTAX@before.test.zone:1",
                "Z-NS-NO-ADDRESS@before.test.zone:3");
        assertThat(zone.findings().get(0).hint()).contains("$TTL");
    }
}
