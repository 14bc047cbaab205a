package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caadns.admin.LabControl;
import dev.caadns.config.SettingsLoader;
import dev.caadns.server.CaadnsServer;
import dev.caadns.server.Plugin;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * The plugins as {@code serve} assembles them: the management API checks CAA changes with the CAA
 * module's validator and answers explain with its verdict.
 */
class LabApiCaaTest {
    private static final String ZONE = """
            $ORIGIN lab.test.
            $TTL 300
            @    SOA ns hostmaster 1 3600 600 86400 300
            @    NS  ns
            ns   A   192.0.2.53
            shop A   192.0.2.80
            @    CAA 0 issue "letsencrypt.org"
            """;
    private final HttpClient http = HttpClient.newHttpClient();
    private CaadnsServer server;
    private String base;

    @BeforeEach
    void start(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("lab.test.zone"), ZONE);
        var settings = SettingsLoader.load(Optional.empty(), Map.of("zones.directory", dir.toString(),
                "listen", List.of("127.0.0.1:0"), "workers", 1, "management.listen", "127.0.0.1:0"));
        List<Plugin> plugins = Plugins.forSettings(settings);
        server = CaadnsServer.start(settings, plugins);
        LabControl lab = (LabControl) plugins.get(0);
        base = "http://127.0.0.1:" + lab.management().orElseThrow().address().getPort();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aMalformedCaaChangeIsRefusedWithTheFindingAndNothingChanges() throws Exception {
        HttpResponse<String> put = send("PUT", "/api/v1/zones/lab.test./rrsets/shop/CAA",
                "{\"ttl\":60,\"records\":[\"0 issue \\\"ca.example; a=1;\\\"\"]}");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("I-ISSUE-ABNF");
        assertThat(caa("shop.lab.test.")).isEmpty();
    }

    @Test
    void aChalltestsrvAddCaaIsServedAndExplainedAsAPermit() throws Exception {
        HttpResponse<String> add = send("POST", "/add-caa",
                "{\"host\":\"shop.lab.test\",\"policies\":[{\"tag\":\"issue\",\"value\":\"pki.goog\"}]}");
        assertThat(add.statusCode()).isEqualTo(200);
        assertThat(caa("shop.lab.test.")).containsExactly("0 issue \"pki.goog\"");

        JsonNode google = new ObjectMapper().readTree(
                send("GET", "/api/v1/explain?name=shop.lab.test&ca=pki.goog", null).body());
        JsonNode letsEncrypt = new ObjectMapper().readTree(
                send("GET", "/api/v1/explain?name=shop.lab.test&ca=letsencrypt.org", null).body());

        assertThat(google.get("verdict").asText()).isEqualTo("permit");
        assertThat(google.get("relevant").asText()).isEqualTo("shop.lab.test.");
        assertThat(letsEncrypt.get("verdict").asText()).isEqualTo("deny");
    }

    private HttpResponse<String> send(String method, String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).method(method,
                json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private List<String> caa(String name) throws Exception {
        Message query = new Message(7);
        query.addRecord(Record.newRecord(Name.fromString(name), Type.CAA, DClass.IN), Section.QUESTION);
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(2000);
            byte[] wire = query.toWire();
            socket.send(new DatagramPacket(wire, wire.length, server.udpAddresses().get(0)));
            DatagramPacket reply = new DatagramPacket(new byte[4096], 4096);
            socket.receive(reply);
            return new Message(java.util.Arrays.copyOf(reply.getData(), reply.getLength()))
                    .getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
        }
    }
}
