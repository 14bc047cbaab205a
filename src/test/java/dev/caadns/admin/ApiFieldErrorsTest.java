package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A body with a misspelt field or a value of the wrong kind is a 400 that names the field, in the user's words. */
class ApiFieldErrorsTest extends LabFixtureTest {

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "/add-a     | {\"host\":\"test.example\",\"adresses\":[\"10.0.0.1\"]}  | unknown field \"adresses\" (expected: host, addresses)",
        "/add-a     | {\"host\":\"test.example\",\"addresses\":\"10.0.0.1\"}   | field \"addresses\": expected a list, got a string",
        "/add-a     | {\"host\":[\"test.example\"],\"addresses\":[]}         | field \"host\": expected a string, got a list",
        "/set-txt   | {\"host\":\"a.test\",\"value\":{\"x\":1}}              | field \"value\": expected a string, got an object",
        "/add-caa   | {\"host\":\"a.test\",\"policies\":[{\"tag\":\"issue\",\"valeu\":\"x\"}]} | unknown field \"valeu\" (expected: ",
    })
    void namesTheFieldAndWhatWasExpected(String path, String body, String message) throws Exception {
        var reply = lab.post(path, body);

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(400);
        assertThat(reply.body()).contains(message.replace("\"", "\\\""))
                .doesNotContainPattern("java\\.|com\\.fasterxml|dev\\.caadns|\\$|[A-Za-z]+Exception|`");
    }
}
