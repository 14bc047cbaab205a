package dev.caadns.update;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caadns.config.ConfigError;
import dev.caadns.config.SettingsLoader;
import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.TestKeys;
import dev.caadns.tsig.TsigKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Type;

/**
 * {@code update.allow}: nothing without a rule; a key's rule limited to subtrees and types; unsigned
 * updates only from the listed addresses; a refused update changes nothing and says why (in the
 * extended error, the journal and the log); mistakes in the rules stop the start with their line.
 */
class UpdatePolicyTest {
    static final String SECRET = TestKeys.SECRET;
    private static final String KEYS = "tsig.keys = [{ name = \"acme\", algorithm = \"hmac-sha256\", secret = \""
            + SECRET + "\" }, { name = \"other\", algorithm = \"hmac-sha256\", secret = \"" + SECRET + "\" }]\n";

    @TempDir
    Path dir;

    @Test
    void nothingIsAllowedByDefault() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.lab(dir, KEYS)) {
            JsonNode reply = add(server, "acme", "_acme-challenge.lab.test.", "TXT", "\\\"x\\\"");
            assertThat(reply.get("rcode").asText()).isEqualTo("REFUSED");
            assertThat(reply.get("verdict").asText()).isEqualTo("verified");
            assertThat(reply.get("ede").get(0).asText())
                    .isEqualTo("no update.allow rule lets key acme. from 127.0.0.1 update zone lab.test.");
            assertThat(new UpdateClient(server).served("_acme-challenge.lab.test.", Type.TXT)).isEmpty();
        }
    }

    @Test
    void aKeyIsHeldToItsSubtreeAndTypes() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.lab(dir, KEYS + "update.allow = [{ key = \"acme\", zones = "
                + "[\"lab.test.\"], names = \"_acme-challenge.lab.test.\", types = [\"TXT\"] }]\n")) {
            assertThat(add(server, "acme", "_acme-challenge.lab.test.", "TXT", "\\\"ok\\\"").get("rcode").asText())
                    .isEqualTo("NOERROR");
            assertThat(add(server, "acme", "_acme-challenge.www.lab.test.", "TXT", "\\\"ok\\\"").get("rcode").asText())
                    .as("outside the subtree").isEqualTo("REFUSED");
            assertThat(add(server, "acme", "sub._acme-challenge.lab.test.", "TXT", "\\\"ok\\\"").get("rcode").asText())
                    .as("below the subtree's name").isEqualTo("NOERROR");
            JsonNode wrongType = add(server, "acme", "_acme-challenge.lab.test.", "A", "192.0.2.1");
            assertThat(wrongType.get("rcode").asText()).isEqualTo("REFUSED");
            assertThat(wrongType.get("ede").get(0).asText()).isEqualTo(
                    "no update.allow rule lets key acme. from 127.0.0.1 change A at _acme-challenge.lab.test.");
            assertThat(add(server, "other", "_acme-challenge.lab.test.", "TXT", "\\\"no\\\"").get("rcode").asText())
                    .as("another key").isEqualTo("REFUSED");
            JsonNode deleteName = UpdateClients.dnspython(server.port(), "lab.test.", "acme", "hmac-sha256", SECRET, 0,
                    "udp", "[[\"delete\", \"_acme-challenge.lab.test.\"]]");
            assertThat(deleteName.get("rcode").asText()).as("every type at the name needs a rule of every type")
                    .isEqualTo("REFUSED");
            assertThat(server.http("GET", "/api/v1/journal?opcode=UPDATE", null).body())
                    .contains("update REFUSED: no update.allow rule lets key acme. from 127.0.0.1 change A");
        }
    }

    @Test
    void unsignedUpdatesOnlyFromTheListedAddresses() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.lab(dir, KEYS + "update.allow = [{ key = none, from = "
                + "[\"192.0.2.0/24\", \"::1\"], zones = [\"lab.test.\"] }, { key = none, from = [\"127.0.0.0/8\"], "
                + "zones = [\"lab.test.\"], types = \"TXT\" }]\n")) {
            assertThat(add(server, "-", "a.lab.test.", "TXT", "\\\"x\\\"").get("rcode").asText()).isEqualTo("NOERROR");
            assertThat(add(server, "-", "a.lab.test.", "A", "192.0.2.1").get("rcode").asText()).isEqualTo("REFUSED");
            assertThat(add(server, "acme", "b.lab.test.", "TXT", "\\\"signed\\\"").get("rcode").asText())
                    .as("key = none does not care whether the update is signed").isEqualTo("NOERROR");
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{ zones = [\"lab.test.\"] }|key is required",
        "{ key = \"nobody\", zones = [\"lab.test.\"] }|key \"nobody\" is not in tsig.keys",
        "{ key = \"acme\" }|zones is required",
        "{ key = none, zones = [\"lab.test.\"] }|key = none needs from",
        "{ key = none, from = [\"localhost\"], zones = [\"lab.test.\"] }|from: \"localhost\" is not an address",
        "{ key = none, from = [\"10.0.0.0/33\"], zones = [\"lab.test.\"] }|is not an address or network",
        "{ key = \"acme\", zones = [\"lab.test.\"], types = [\"AXFR\"] }|types: \"AXFR\" is not a record type",
        "{ key = \"acme\", zones = [\"lab.test.\"], types = [\"BOGUS\"] }|types: \"BOGUS\" is not a record type",
        "{ key = \"acme\", zones = [\"lab.test.\"], name = \"x\" }|unknown key \"name\" in a rule",
        "\"acme\"|expected a rule like",
    })
    void aBadRuleIsNamed(String rule, String message) throws Exception {
        Path file = dir.resolve("caadns.conf");
        Files.writeString(file, KEYS + "update.allow = [" + rule + "]\n");
        var settings = SettingsLoader.load(Optional.of(file), Map.of());
        assertThatThrownBy(() -> UpdatePolicy.from(settings, TsigKeys.from(settings))).isInstanceOf(ConfigError.class)
                .hasMessageContaining("caadns.conf:").hasMessageContaining("update.allow: ")
                .hasMessageContaining(message);
    }

    private static JsonNode add(ConfiguredServer server, String key, String name, String type, String rdata) {
        return UpdateClients.dnspython(server.port(), "lab.test.", key, "hmac-sha256", SECRET, 0, "udp",
                "[[\"add\", \"" + name + "\", 60, \"" + type + "\", \"" + rdata + "\"]]");
    }
}
