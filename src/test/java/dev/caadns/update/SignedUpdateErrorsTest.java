package dev.caadns.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.TestKeys;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/**
 * An UPDATE whose TSIG fails (unknown key, wrong secret, clock beyond the fudge) is answered NOTAUTH
 * with the TSIG error of RFC 8945 §5.2, and changes nothing; the serial stays.
 */
class SignedUpdateErrorsTest {
    static final String SECRET = TestKeys.SECRET;
    private static final String ADD = "[[\"add\", \"_acme-challenge.lab.test.\", 120, \"TXT\", \"\\\"nope\\\"\"]]";

    @TempDir
    static Path dir;
    static ConfiguredServer server;
    static UpdateClient client;

    @BeforeAll
    static void start() throws Exception {
        server = ConfiguredServer.lab(dir, "tsig.keys = [{ name = \"lab-key\", algorithm = \"hmac-sha256\", secret = \""
                + SECRET + "\" }]\nupdate.allow = [{ key = \"lab-key\", zones = [\"lab.test.\"] }]\n");
        client = new UpdateClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void anUnknownKeyIsBadkey() {
        assertRefusedUnchanged(send("other-key", SECRET, 0), "BADKEY");
    }

    @Test
    void aWrongSecretIsBadsig() {
        assertRefusedUnchanged(send("lab-key", "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0", 0), "BADSIG");
    }

    @Test
    void aClockBeyondTheFudgeIsBadtime() {
        JsonNode reply = send("lab-key", SECRET, -600);
        assertRefusedUnchanged(reply, "BADTIME");
        assertThat(reply.get("mac_ok").asBoolean()).isTrue();
    }

    @Test
    void theRightKeyWorks() {
        long serial = client.serial("lab.test.");
        JsonNode reply = UpdateClients.dnspython(server.port(), "lab.test.", "lab-key", "hmac-sha256", SECRET, 0, "tcp",
                "[[\"add\", \"ok.lab.test.\", 120, \"TXT\", \"\\\"yes\\\"\"]]");
        assertThat(reply.get("rcode").asText()).isEqualTo("NOERROR");
        assertThat(reply.get("verdict").asText()).isEqualTo("verified");
        assertThat(client.serial("lab.test.")).isEqualTo(serial + 1);
    }

    private static long serialBefore;

    private static JsonNode send(String key, String secret, int skew) {
        serialBefore = client.serial("lab.test.");
        return UpdateClients.dnspython(server.port(), "lab.test.", key, "hmac-sha256", secret, skew, "udp", ADD);
    }

    private static void assertRefusedUnchanged(JsonNode reply, String tsigError) {
        assertThat(reply.get("rcode").asText()).isEqualTo("NOTAUTH");
        assertThat(reply.get("tsig_error").asText()).isEqualTo(tsigError);
        assertThat(client.served("_acme-challenge.lab.test.", Type.TXT)).isEmpty();
        assertThat(client.serial("lab.test.")).isEqualTo(serialBefore);
    }
}
