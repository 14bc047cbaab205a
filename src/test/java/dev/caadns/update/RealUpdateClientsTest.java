package dev.caadns.update;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caadns.testsupport.Command;
import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.TestKeys;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The clients dns-01 tools use, against caadns through real sockets: BIND nsupdate -y with every
 * algorithm (adding and deleting a TXT and a CAA record, zone found by its signed SOA query),
 * knsupdate, certbot-dns-rfc2136's own client (SOA walk over TCP, add TXT TTL 120, delete that one
 * RR), and lego's one-message delete-and-insert over UDP.
 */
class RealUpdateClientsTest {
    static final String SECRET = TestKeys.SECRET;

    @TempDir
    static Path dir;
    static ConfiguredServer server;
    static UpdateClient client;

    @BeforeAll
    static void start() throws Exception {
        StringBuilder config = new StringBuilder(TestKeys.keyPerAlgorithm("key-")).append("update.allow = [\n");
        TestKeys.ALGORITHMS.forEach(a -> config.append("  { key = \"key-").append(a)
                .append("\", zones = [\"lab.test.\"] }\n"));
        config.append("]\n");
        server = ConfiguredServer.lab(dir, config.toString());
        client = new UpdateClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"hmac-md5", "hmac-sha1", "hmac-sha224", "hmac-sha256", "hmac-sha384", "hmac-sha512"})
    void nsupdateAddsAndDeletesATxtAndACaaRecord(String algorithm) {
        String key = algorithm + ":key-" + algorithm + ":" + SECRET;
        String name = algorithm + ".lab.test.";
        Command.Result added = UpdateClients.nsupdate(server.port(), key, "update add " + name + " 60 TXT \"token\"\n"
                + "update add " + name + " 60 CAA 0 issue \"letsencrypt.org\"\n");
        assertThat(added.exitCode()).as(added.output()).isZero();
        assertThat(client.served(name, Type.TXT)).extracting(Record::rdataToString).containsExactly("\"token\"");
        assertThat(client.served(name, Type.CAA)).extracting(Record::rdataToString)
                .containsExactly("0 issue \"letsencrypt.org\"");
        Command.Result deleted = UpdateClients.nsupdate(server.port(), key, "update delete " + name + " TXT\n"
                + "update delete " + name + " CAA 0 issue \"letsencrypt.org\"\n");
        assertThat(deleted.exitCode()).as(deleted.output()).isZero();
        assertThat(client.served(name, Type.TXT)).isEmpty();
        assertThat(client.served(name, Type.CAA)).isEmpty();
    }

    @Test
    void nsupdateWithoutAKeyIsRefused() {
        Command.Result r = UpdateClients.nsupdate(server.port(), null, "update add nokey.lab.test. 60 TXT \"x\"\n");
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.output()).contains("REFUSED");
        assertThat(client.served("nokey.lab.test.", Type.TXT)).isEmpty();
    }

    @Test
    void knsupdateAddsAndDeletes() {
        String key = "hmac-sha256:key-hmac-sha256 " + SECRET;
        Command.Result added = UpdateClients.knsupdate(server.port(), key,
                "zone lab.test.\nupdate add knot.lab.test. 60 TXT \"knot\"\n");
        assertThat(added.exitCode()).as(added.output()).isZero();
        assertThat(client.served("knot.lab.test.", Type.TXT)).hasSize(1);
        Command.Result deleted = UpdateClients.knsupdate(server.port(), key,
                "zone lab.test.\nupdate delete knot.lab.test. TXT \"knot\"\n");
        assertThat(deleted.exitCode()).as(deleted.output()).isZero();
        assertThat(client.served("knot.lab.test.", Type.TXT)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"HMAC-MD5", "HMAC-SHA512"})
    void certbotsClientPresentsAndCleansUp(String algorithm) {
        String key = "key-" + algorithm.toLowerCase();
        String name = "_acme-challenge.certbot-" + key + ".lab.test";
        Command.Result added = UpdateClients.certbot("add", server.port(), key, SECRET, algorithm, name, "one");
        assertThat(added.output().trim()).isEqualTo("ok");
        UpdateClients.certbot("add", server.port(), key, SECRET, algorithm, name, "two");
        List<Record> txt = client.served(name + ".", Type.TXT);
        assertThat(txt).extracting(Record::rdataToString).containsExactlyInAnyOrder("\"one\"", "\"two\"");
        assertThat(txt).extracting(Record::getTTL).containsOnly(120L);
        Command.Result deleted = UpdateClients.certbot("del", server.port(), key, SECRET, algorithm, name, "one");
        assertThat(deleted.output().trim()).isEqualTo("ok");
        assertThat(client.served(name + ".", Type.TXT)).extracting(Record::rdataToString).containsExactly("\"two\"");
    }

    @Test
    void legoStyleDeleteAndInsertInOneUdpMessage() {
        String name = "_acme-challenge.lego.lab.test.";
        String present = "[[\"delete\", \"" + name + "\", \"TXT\"], [\"add\", \"" + name + "\", 120, \"TXT\", \"\\\"v1\\\"\"]]";
        JsonNode first = UpdateClients.dnspython(server.port(), "lab.test.", "key-hmac-sha1", "hmac-sha1", SECRET, 0,
                "udp", present);
        assertThat(first.get("rcode").asText()).isEqualTo("NOERROR");
        assertThat(first.get("verdict").asText()).as("signed reply").isEqualTo("verified");
        JsonNode again = UpdateClients.dnspython(server.port(), "lab.test.", "key-hmac-sha1", "hmac-sha1", SECRET, 0,
                "udp", present.replace("v1", "v2"));
        assertThat(again.get("rcode").asText()).isEqualTo("NOERROR");
        assertThat(client.served(name, Type.TXT)).extracting(Record::rdataToString).containsExactly("\"v2\"");
        JsonNode cleanup = UpdateClients.dnspython(server.port(), "lab.test.", "key-hmac-sha1", "hmac-sha1", SECRET, 0,
                "udp", "[[\"delete\", \"" + name + "\", \"TXT\", \"\\\"v2\\\"\"]]");
        assertThat(cleanup.get("rcode").asText()).isEqualTo("NOERROR");
        assertThat(client.served(name, Type.TXT)).isEmpty();
    }
}
