package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateTest {

    @Test
    void generatedRecordsCarryTheDirectiveLine() {
        LoadedZone zone = Fixtures.load("generate/lab.test.zone");

        List<SourcedRecord> hosts = zone.records().stream()
                .filter(r -> r.record().getName().toString().startsWith("host")).toList();
        assertThat(hosts).extracting(r -> r.record().rdataToString())
                .containsExactly("192.0.2.1", "192.0.2.2", "192.0.2.3");
        assertThat(hosts).allSatisfy(r -> {
            assertThat(r.line()).isEqualTo(5);
            assertThat(r.comment()).isEqualTo("generated");
            assertThat(r.record().getTTL()).isEqualTo(300);
        });
    }

    @Test
    void stepAndExplicitTtlAreHonoured() {
        LoadedZone zone = Fixtures.load("generate/lab.test.zone");

        assertThat(zone.records().stream().filter(r -> r.line() == 6))
                .extracting(r -> r.record().getName() + " " + r.record().getTTL() + " "
                        + r.record().rdataToString())
                .containsExactly("ptr0.lab.test. 60 host1.lab.test.",
                        "ptr5.lab.test. 60 host6.lab.test.", "ptr10.lab.test. 60 host11.lab.test.");
    }

    @Test
    void unsupportedTypeIsASyntaxError() {
        LoadedZone zone = Fixtures.load("generate/lab.test.zone");

        assertThat(Fixtures.where(zone)).containsExactly("Z-SYNTAX@lab.test.zone:7");
        assertThat(zone.findings().get(0).message()).contains("CAA");
    }

    @Test
    void rangeAboveTheCapGeneratesNothing() {
        LoadedZone zone = Fixtures.load("generate/lab.test.zone", new LoadOptions(8, 2));

        assertThat(Fixtures.where(zone)).containsExactly("Z-GENERATE-RANGE@lab.test.zone:5",
                "Z-GENERATE-RANGE@lab.test.zone:6", "Z-GENERATE-RANGE@lab.test.zone:7");
        assertThat(Fixtures.served(zone)).containsExactly("lab.test. SOA", "lab.test. NS",
                "ns1.lab.test. A");
    }
}
