package dev.caadns.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.TestKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * A CAA record in an update is checked by the CAA plugin exactly as through the management API: an
 * error refuses the whole update, REFUSED with an RFC 8914 extended error naming the finding; in lab
 * mode (caa.allow-invalid) it is served as sent.
 */
class UpdateCaaCheckTest {
    private static final String ALLOW = TestKeys.UNSIGNED_FROM_LOOPBACK;
    private static final String BAD_CAA = "[[\"add\", \"shop.lab.test.\", 300, \"TXT\", \"\\\"other\\\"\"], "
            + "[\"add\", \"shop.lab.test.\", 300, \"CAA\", \"0 issue \\\"ca.example; a=1;\\\"\"]]";

    @TempDir
    Path dir;

    @Test
    void aBadCaaRefusesTheWholeUpdateWithTheFinding() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.lab(dir, ALLOW)) {
            JsonNode reply = UpdateClients.dnspython(server.port(), "lab.test.", "-", "-", "-", 0, "udp", BAD_CAA);
            assertThat(reply.get("rcode").asText()).isEqualTo("REFUSED");
            assertThat(reply.get("ede").get(0).asText()).startsWith("I-ISSUE-ABNF shop.lab.test.: ");
            UpdateClient client = new UpdateClient(server);
            assertThat(client.served("shop.lab.test.", Type.CAA)).isEmpty();
            assertThat(client.served("shop.lab.test.", Type.TXT)).as("all or nothing").isEmpty();
            String journal = server.http("GET", "/api/v1/journal?opcode=UPDATE", null).body();
            assertThat(journal).contains("\"rcode\":\"REFUSED\"").contains("I-ISSUE-ABNF");
        }
    }

    @Test
    void aGoodCaaIsServed() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.lab(dir, ALLOW)) {
            JsonNode reply = UpdateClients.dnspython(server.port(), "lab.test.", "-", "-", "-", 0, "tcp",
                    "[[\"add\", \"shop.lab.test.\", 300, \"CAA\", \"0 issue \\\"letsencrypt.org\\\"\"]]");
            assertThat(reply.get("rcode").asText()).isEqualTo("NOERROR");
            assertThat(new UpdateClient(server).served("shop.lab.test.", Type.CAA)).hasSize(1);
        }
    }

    @Test
    void labModeServesItAsSent() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.lab(dir, ALLOW + "caa.allow-invalid = true\n")) {
            JsonNode reply = UpdateClients.dnspython(server.port(), "lab.test.", "-", "-", "-", 0, "udp", BAD_CAA);
            assertThat(reply.get("rcode").asText()).isEqualTo("NOERROR");
            assertThat(new UpdateClient(server).served("shop.lab.test.", Type.CAA)).extracting(Record::rdataToString)
                    .containsExactly("0 issue \"ca.example; a=1;\"");
        }
    }
}
