package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class ZoneSyntaxTest {

    @Test
    void syntaxErrorsNameTheirLineAndTheRestStillLoads() {
        LoadedZone zone = Fixtures.load("syntax/lab.test.zone");

        assertThat(Fixtures.where(zone)).containsExactly(
                "Z-SYNTAX@lab.test.zone:6", "Z-SYNTAX@lab.test.zone:9");
        assertThat(zone.findings().get(1).message()).contains("BOGUS");
        assertThat(zone.servable()).isFalse();
        assertThat(Fixtures.served(zone)).containsExactly("lab.test. SOA", "lab.test. NS",
                "ns1.lab.test. A", "txt.lab.test. TXT", "txt.lab.test. TXT", "after.lab.test. A");
    }

    @Test
    void recordsCarryTheirStartLineAndComments() {
        LoadedZone zone = Fixtures.load("syntax/lab.test.zone");

        SourcedRecord soa = zone.records().get(0);
        assertThat(soa.line()).isEqualTo(2);
        assertThat(soa.comment()).isEqualTo("serial and refresh soa comment");
        SourcedRecord quoted = zone.records().get(3);
        assertThat(quoted.line()).isEqualTo(7);
        assertThat(quoted.comment()).isEqualTo("caadns:allow-invalid");
        assertThat(((TXTRecord) quoted.record()).getStrings()).containsExactly("a;b");
        SourcedRecord omittedOwner = zone.records().get(4);
        assertThat(omittedOwner.line()).isEqualTo(8);
        assertThat(omittedOwner.comment()).isEmpty();
        assertThat(omittedOwner.record().getType()).isEqualTo(Type.TXT);
    }

    @Test
    void unclosedParenthesisIsReportedAtTheEntryStart() {
        LoadedZone zone = Fixtures.load("syntax/unclosed.test.zone");

        assertThat(Fixtures.where(zone)).containsExactly("Z-SYNTAX@unclosed.test.zone:5");
        assertThat(zone.findings().get(0).message()).contains("(");
        assertThat(Fixtures.served(zone)).hasSize(3);
    }

    @Test
    void rdataDnsjavaFailsOnIsASyntaxErrorNotACrash() {
        LoadedZone zone = Fixtures.load("syntax/nsap.test.zone");

        assertThat(Fixtures.where(zone)).containsExactly("Z-SYNTAX@nsap.test.zone:5");
        assertThat(zone.findings().get(0).message()).contains("not valid NSAP rdata");
    }

    @Test
    void unknownDirectiveIsASyntaxError() {
        LoadedZone zone = Fixtures.load("syntax/unknown-directive.test.zone");

        assertThat(Fixtures.where(zone)).containsExactly("Z-SYNTAX@unknown-directive.test.zone:2");
        assertThat(zone.findings().get(0).format())
                .startsWith(Fixtures.path("syntax/unknown-directive.test.zone") + ":2: error[Z-SYNTAX]");
    }

    @Test
    void unterminatedQuoteIsReportedWhereItOpensWithTheOwnerAndNothingInvented() {
        LoadedZone zone = Fixtures.load("syntax/quote.test.zone");

        assertThat(Fixtures.where(zone)).containsExactly("Z-SYNTAX@quote.test.zone:6",
                "Z-SYNTAX@quote.test.zone:8", "Z-SYNTAX@quote.test.zone:11",
                "Z-SYNTAX@quote.test.zone:13");
        assertThat(zone.findings()).extracting(Finding::owner).containsExactly("www.quote.test.",
                "later.quote.test.", "multi.quote.test.", "end.quote.test.");
        assertThat(zone.findings()).allSatisfy(f -> {
            assertThat(f.message()).contains("quote").doesNotContain("<none>");
            assertThat(f.hint()).doesNotContain("3597");
        });
        assertThat(zone.findings().get(2).message()).contains("line 11");
        assertThat(Fixtures.served(zone)).containsExactly("quote.test. SOA", "quote.test. NS",
                "ns.quote.test. A", "after.quote.test. A", "www.quote.test. A",
                "end.quote.test. A", "last.quote.test. A");
    }
}
