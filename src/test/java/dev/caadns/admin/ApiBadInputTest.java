package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every bad input is a 400 in the user's words: no 500, no Java exception names. */
class ApiBadInputTest extends LabFixtureTest {

    static Stream<Arguments> badRequests() {
        String longValue = "x".repeat(256);
        return Stream.of(
                Arguments.of("POST /set-txt HTTP/1.1", "{\"host\":\"_acme-challenge.lab.test\",\"value\":\"" + longValue + "\"}",
                        "255"),
                Arguments.of("POST /set-txt HTTP/1.1", "{\"host\":\"_acme-challenge.lab.test\",\"value\":\"\"}", "value"),
                Arguments.of("POST /add-caa HTTP/1.1",
                        "{\"host\":\"lab.test\",\"policies\":[{\"tag\":\"issue\",\"value\":\"" + "x".repeat(65534) + "\"}]}",
                        "value"),
                Arguments.of("POST /add-caa HTTP/1.1",
                        "{\"host\":\"lab.test\",\"policies\":[{\"tag\":\"" + "t".repeat(300) + "\",\"value\":\"x\"}]}", "tag"),
                Arguments.of("POST /add-a HTTP/1.1", "{\"host\":\"" + "a".repeat(64) + ".lab.test\",\"addresses\":[\"10.0.0.1\"]}",
                        "host"),
                Arguments.of("POST /set-txt HTTP/1.1", "{\"host\":\"a..b\",\"value\":\"v\"}", "host"),
                Arguments.of("POST /add-a HTTP/1.1", "[1,2", "JSON"),
                Arguments.of("GET /metrics?x=%zz HTTP/1.1", "", "percent"),
                Arguments.of("GET /api/v1/journal?% HTTP/1.1", "", "percent"),
                Arguments.of("GET /api/v1/zones/%zz/rrsets/@/CAA HTTP/1.1", "", "percent"),
                Arguments.of("GET /api/v1/journal?since=yesterday HTTP/1.1", "", "since"),
                Arguments.of("GET /api/v1/journal?type=NOPE HTTP/1.1", "", "type"),
                Arguments.of("PUT /api/v1/zones/lab.test./rrsets/www/A HTTP/1.1", "{\"ttl\":60,\"records\":[\"10.0.0.999\"]}",
                        "records"),
                Arguments.of("PUT /api/v1/zones/lab.test./rrsets/www/TXT HTTP/1.1", "{\"ttl\":60,\"records\":[\"\\\"\\\\999\\\"\"]}",
                        "records"),
                Arguments.of("PUT /api/v1/zones/lab.test./rrsets/www/A HTTP/1.1", "{\"ttl\":-1,\"records\":[\"10.0.0.1\"]}",
                        "ttl"),
                Arguments.of("PUT /api/v1/zones/lab.test./rrsets/www/CAA HTTP/1.1", "{\"ttl\":60,\"records\":[\"0 issue\"]}",
                        "records"),
                Arguments.of("POST /api/v1/faults HTTP/1.1", "{\"name\":\"lab.test.\",\"action\":\"explode\"}", "action"),
                Arguments.of("GET /api/v1/explain?name=%E0%A4%A HTTP/1.1", "", "percent"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("badRequests")
    void isA400InTheUsersWords(String requestLine, String body, String mentions) throws Exception {
        LabFixture.RawReply reply = lab.raw(requestLine + "\r\nHost: 127.0.0.1", body);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains(mentions)
                .doesNotContainPattern("java\\.|org\\.xbill|com\\.fasterxml|[A-Za-z]+Exception");
    }
}
