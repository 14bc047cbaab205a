package dev.caadns.caa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.zone.Finding;
import dev.caadns.zone.LoadedZone;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Lab mode: errors are still reported but waived, globally or per record by a comment marker. */
class AllowInvalidTest {

    @ParameterizedTest(name = "allowInvalid={0}, line [{1}] -> servable={2}")
    @CsvSource(delimiter = '|', value = {
        "false | x CAA 0 issue \"ca.example; a=1;\"                                | false",
        "true  | x CAA 0 issue \"ca.example; a=1;\"                                | true",
        "false | x CAA 0 issue \"ca.example; a=1;\" ; caadns:allow-invalid         | true",
        "false | x CAA 0 issue \"ca.example; a=1;\" ; other comment                | false",
        "false | x CAA 0 ISSUE \"ca.example\"                                      | true",
    })
    void errorsBlockServingUnlessWaived(boolean allowInvalid, String line, boolean servable) {
        LoadedZone zone = TestZones.zone(line);

        List<Finding> findings = new CaaZoneValidator(allowInvalid).validate(zone);

        assertThat(findings).isNotEmpty();
        assertThat(zone.withFindings(findings).servable()).isEqualTo(servable);
    }

    @Test
    void rrsetErrorsAreWaivedByAMarkerOnAnyRecordOfTheSet() {
        LoadedZone zone = TestZones.zone("x CAA 0 issue \"ca.example\" ; caadns:allow-invalid", "x CNAME y");

        List<Finding> findings = new CaaZoneValidator(false).validate(zone);

        assertThat(findings).filteredOn(f -> f.code().equals("E-CNAME-COEXIST")).singleElement()
                .satisfies(f -> assertThat(f.waived()).isTrue());
        assertThat(zone.withFindings(findings).servable()).isTrue();
    }
}
