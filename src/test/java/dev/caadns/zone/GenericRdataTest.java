package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.UNKRecord;

class GenericRdataTest {

    private final LoadedZone zone = Fixtures.load("generic/lab.test.zone");

    private Record record(String owner) {
        return zone.records().stream()
                .filter(r -> r.record().getName().equals(Fixtures.name(owner + ".lab.test.")))
                .findFirst().orElseThrow().record();
    }

    /** The rdata as an answer would carry it, read from the wire form's own rdlength. */
    private static String answerRdataHex(Record record) {
        byte[] wire = record.toWire(Section.ANSWER);
        int at = record.getName().length() + 8;
        int length = ((wire[at] & 0xff) << 8) | (wire[at + 1] & 0xff);
        assertThat(wire.length).isEqualTo(at + 2 + length);
        return HexFormat.of().formatHex(Arrays.copyOfRange(wire, at + 2, wire.length));
    }

    @ParameterizedTest
    @CsvSource({
        "typed,    0005697373756563612e6578616d706c65",
        "typed2,   0005697373756563612e6578616d706c65",
        "taglen0,  00006162",
        "pastend,  00096973",
        "badchars, 00022d2176",
        "empty,    ''",
        "unknown,  abcd",
    })
    void genericDataIsServedByteExact(String owner, String hex) {
        assertThat(answerRdataHex(record(owner))).isEqualTo(hex);
    }

    @Test
    void wellFormedGenericCaaBecomesATypedRecord() {
        assertThat(record("typed")).isInstanceOf(CAARecord.class);
        assertThat(((CAARecord) record("typed")).getValue()).isEqualTo("ca.example");
        assertThat(record("unknown")).isInstanceOf(UNKRecord.class);
    }

    @Test
    void malformedCaaThatDnsjavaCannotDecodeIsKeptOpaque() {
        assertThat(record("pastend")).isInstanceOf(OpaqueRecord.class);
        assertThat(record("pastend").getType()).isEqualTo(257);
        assertThat(record("pastend").toString()).contains("\\# 4 00096973");
    }

    @Test
    void genericDataThatIsNotValidForAKnownTypeIsASyntaxError() {
        assertThat(Fixtures.where(zone)).containsExactly("Z-SYNTAX@lab.test.zone:13");
        assertThat(zone.findings().get(0).message()).contains("not valid A rdata");
    }

    @Test
    void textCaaIsEncodedAsWritten() {
        String value = "ca.example; accounturi=https://x/1";
        String expected = "0005" + HexFormat.of().formatHex("issue".getBytes(StandardCharsets.US_ASCII))
                + HexFormat.of().formatHex(value.getBytes(StandardCharsets.US_ASCII));

        assertThat(answerRdataHex(record("text"))).isEqualTo(expected);
    }

    @Test
    void textCaaValueLongerThan255BytesLoads() {
        String value = "x".repeat(290) + ";" + "y".repeat(9);
        String expected = "8005" + HexFormat.of().formatHex("issue".getBytes(StandardCharsets.US_ASCII))
                + HexFormat.of().formatHex(value.getBytes(StandardCharsets.US_ASCII));

        assertThat(answerRdataHex(record("long"))).isEqualTo(expected);
        assertThat(record("long")).isInstanceOf(CAARecord.class);
    }
}
