package dev.caadns.caa;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.zone.Finding;
import dev.caadns.zone.LoadedZone;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A policy repeated at many owners is checked once when it is clean at a plain owner; every
 * other owner of the same bytes still gets the findings its place calls for.
 */
class RepeatedPolicyTest {

    private static List<String> where(LoadedZone zone) {
        return new CaaZoneValidator(false).validate(zone).stream()
                .map(f -> f.code() + "@" + f.line() + " " + f.owner()).toList();
    }

    @Test
    void aCleanPolicyAtManyOwnersMakesNoFindings() {
        assertThat(where(TestZones.zone(
                "a CAA 0 issue \"ca.example\"",
                "b CAA 0 issue \"ca.example\"",
                "c CAA 0 issue \"ca.example\""))).isEmpty();
    }

    @Test
    void aBrokenPolicyIsReportedAtEveryOwner() {
        assertThat(where(TestZones.zone(
                "a CAA 0 issue \"ca.example; a=1;\"",
                "b CAA 0 issue \"ca.example\"",
                "c CAA 0 issue \"ca.example; a=1;\"",
                "d CAA 0 issue \"ca.example; a=1;\"")))
                .containsExactly("I-ISSUE-ABNF@1 a.lab.test.", "I-ISSUE-ABNF@3 c.lab.test.",
                        "I-ISSUE-ABNF@4 d.lab.test.");
    }

    @Test
    void theSameCleanBytesAtAWildcardOrBesideACnameStillGetTheirFindings() {
        assertThat(where(TestZones.zone(
                "a CAA 0 issue \"ca.example\"",
                "*.w CAA 0 issue \"ca.example\"",
                "c CNAME a",
                "c CAA 0 issue \"ca.example\"",
                "e CAA 0 issue \"ca.example\"")))
                .containsExactly("W-WILDCARD-OWNER@2 *.w.lab.test.", "E-CNAME-COEXIST@4 c.lab.test.");
    }

    @Test
    void findingsComeInReadingOrderOfEachSetsFirstRecord() {
        List<Finding> findings = new CaaZoneValidator(false).validate(TestZones.zone(
                "z CAA 0 issue \"x; a=1;\"",
                "a CAA 0 issue \"y; a=1;\"",
                "m CAA 0 issue \"z; a=1;\""));
        assertThat(findings).extracting(Finding::line).containsExactly(1, 2, 3);
    }
}
