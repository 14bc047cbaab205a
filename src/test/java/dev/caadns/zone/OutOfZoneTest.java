package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutOfZoneTest {

    private final LoadedZone zone = Fixtures.load("out/lab.test.zone");

    @Test
    void dataOutsideTheOriginIsAnErrorAndNotServed() {
        assertThat(Fixtures.where(zone)).containsExactly("Z-OUT-OF-ZONE@lab.test.zone:5",
                "Z-OUT-OF-ZONE@lab.test.zone:7", "Z-CLASS@lab.test.zone:8");
        assertThat(zone.findings().get(1).owner()).isEqualTo("www.elsewhere.test.");
        assertThat(zone.servable()).isFalse();
        assertThat(Fixtures.served(zone)).containsExactly("lab.test. SOA", "lab.test. NS",
                "ns1.lab.test. A");
    }
}
