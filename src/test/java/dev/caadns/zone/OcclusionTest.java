package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OcclusionTest {

    private final LoadedZone zone = Fixtures.load("occlusion/lab.test.zone");

    @Test
    void dataBelowADelegationIsAWarningAndNotServed() {
        assertThat(Fixtures.where(zone)).containsExactly(
                "Z-NS-NO-ADDRESS@lab.test.zone:7",
                "Z-OCCLUDED@lab.test.zone:9",
                "Z-OCCLUDED@lab.test.zone:11",
                "Z-OCCLUDED@lab.test.zone:12",
                "Z-OCCLUDED@lab.test.zone:13",
                "Z-NS-NO-ADDRESS@lab.test.zone:14");
        assertThat(zone.servable()).isTrue();
    }

    @Test
    void delegationNsDsAndGlueStay() {
        assertThat(Fixtures.served(zone)).containsExactly("lab.test. SOA", "lab.test. NS",
                "lab.test. NS", "ns1.lab.test. A", "sub.lab.test. NS", "sub.lab.test. NS",
                "sub.lab.test. DS", "ns.sub.lab.test. A", "nsx.lab.test. NS", "nsx.lab.test. NS");
    }

    @Test
    void missingAddressNamesTheTarget() {
        assertThat(zone.findings().get(0).message()).contains("ns2.sub.lab.test.");
        assertThat(zone.findings().get(5).message()).contains("nope.lab.test.");
    }
}
