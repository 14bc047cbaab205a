package dev.caadns.caa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Record;

/** RFC 8659 §4.1: the property is read from RDATA bytes, whatever dnsjava class carries them. */
class CaaPropertyWireTest {

    @Test
    void splitsFlagsTagAndValueAndKeepsTheBytes() throws Exception {
        byte[] rdata = {(byte) 128, 5, 'i', 's', 's', 'u', 'e', 'c', 'a', '.', 'x'};

        CaaProperty property = CaaProperty.fromWire(rdata);

        assertThat(property.flags()).isEqualTo(128);
        assertThat(property.issuerCritical()).isTrue();
        assertThat(property.tag()).isEqualTo("issue");
        assertThat(property.valueText()).isEqualTo("ca.x");
        assertThat(property.rdata()).isEqualTo(rdata);
        assertThat(property).hasToString("128 issue \"ca.x\"");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({"issue, ISSUE", "ISSUE, ISSUE", "IsSuE, ISSUE", "issuewild, ISSUEWILD", "iodef, IODEF",
        "issuemail, ISSUEMAIL", "issuevmc, ISSUEVMC", "contactemail, CONTACTEMAIL", "contactphone, CONTACTPHONE",
        "issuer, UNKNOWN", "policy, UNKNOWN"})
    void tagsCompareInAnyCase(String tag, PropertyTag kind) throws Exception {
        assertThat(CaaProperty.of(TestZones.parse("x CAA 0 " + tag + " \"v\"")).kind()).isEqualTo(kind);
    }

    @Test
    void readsGenericRecordsThatDnsjavaCannotParse() throws Exception {
        byte[] rdata = {0, 0, 'v'};
        Record unknownClass = TestZones.rawCaa("x", rdata);

        CaaProperty property = CaaProperty.of(unknownClass);

        assertThat(property.tag()).isEmpty();
        assertThat(property.valueText()).isEqualTo("v");
    }

    @Test
    void showsOddBytesAsZoneFileEscapes() throws Exception {
        CaaProperty property = CaaProperty.fromWire(new byte[] {0, 5, 'i', 's', 's', 'u', 'e', '"', (byte) 0xC3, 10});

        assertThat(property).hasToString("0 issue \"\\\"\\195\\010\"");
    }

    @ParameterizedTest(name = "rdata [{0}]")
    @CsvSource({"'', 2", "00, 2", "0005616263, past the end"})
    void rejectsRdataThatCannotBeSplit(String hex, String message) {
        assertThatThrownBy(() -> CaaProperty.fromWire(hex(hex))).isInstanceOf(MalformedCaaException.class)
                .hasMessageContaining(message);
    }

    @Test
    void valuesMayBeLongerThan255Bytes() throws Exception {
        byte[] value = "x".repeat(300).getBytes(StandardCharsets.US_ASCII);
        byte[] rdata = new byte[2 + 5 + value.length];
        System.arraycopy(new byte[] {0, 5, 'i', 'o', 'd', 'e', 'f'}, 0, rdata, 0, 7);
        System.arraycopy(value, 0, rdata, 7, value.length);

        assertThat(CaaProperty.fromWire(rdata).value()).hasSize(300);
    }

    static byte[] hex(String hex) {
        byte[] bytes = new byte[hex.length() / 2];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return bytes;
    }
}
