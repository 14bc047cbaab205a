package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ApexTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            apex/ok.test.zone       | ''                                  | true
            apex/nosoa.test.zone    | Z-SOA-MISSING@nosoa.test.zone:0     | false
            apex/twosoa.test.zone   | Z-SOA-MULTIPLE@twosoa.test.zone:3   | false
            apex/soadeep.test.zone  | Z-SOA-NOT-APEX@soadeep.test.zone:5  | false
            apex/nons.test.zone     | Z-NS-APEX-MISSING@nons.test.zone:0  | true
            """)
    void apexNeedsOneSoaAndNs(String fixture, String expected, boolean servable) {
        LoadedZone zone = Fixtures.load(fixture);

        assertThat(Fixtures.where(zone))
                .isEqualTo(expected.isEmpty() ? List.of() : List.of(expected));
        assertThat(zone.servable()).isEqualTo(servable);
        zone.findings().forEach(f -> assertThat(f.hint()).isNotBlank());
    }
}
