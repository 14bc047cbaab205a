package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** challtestsrv's TXT and CAA values are taken literally, byte for byte: no zone-file escapes. */
class LiteralValuesTest extends LabFixtureTest {

    @ParameterizedTest
    @ValueSource(strings = {"\\065", "\\", "\\999", "a\\\"b", "\"quoted\"", "  spaced  ", "ünï"})
    void setTxtServesTheValueAsSent(String value) throws Exception {
        var set = lab.post("/set-txt", "{\"host\":\"_acme-challenge.lab.test\",\"value\":" + json(value) + "}");
        assertThat(set.statusCode()).as(set.body()).isEqualTo(200);

        Record txt = only(lab.udp("_acme-challenge.lab.test.", Type.TXT));
        byte[] wire = txt.rdataToWireCanonical();
        assertThat(Arrays.copyOfRange(wire, 1, wire.length)).isEqualTo(value.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\", "ca\\046example", "ca.example; a=\\\\"})
    void addCaaServesTheValueAsSent(String value) throws Exception {
        var add = lab.post("/add-caa", "{\"host\":\"www.lab.test\",\"policies\":[{\"tag\":\"issue\",\"value\":"
                + json(value) + "}]}");
        assertThat(add.statusCode()).as(add.body()).isEqualTo(200);

        byte[] wire = only(lab.udp("www.lab.test.", Type.CAA)).rdataToWireCanonical();
        assertThat(Arrays.copyOfRange(wire, 2 + "issue".length(), wire.length))
                .isEqualTo(value.getBytes(StandardCharsets.UTF_8));
    }

    private static Record only(Message reply) {
        Record[] answers = reply.getSection(Section.ANSWER).toArray(new Record[0]);
        assertThat(answers).hasSize(1);
        return answers[0];
    }

    private static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
