package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.Command;
import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.DnsTestClient;
import java.time.Duration;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * lego's httpreq provider endpoints, sent as lego sends them (curl here, JSON bodies, optional basic
 * auth): /present adds the TXT to the overlay, /cleanup removes that value; RAW mode computes the
 * value from the key authorization as lego does.
 */
class HttpreqTest {
    @TempDir
    Path dir;

    @Test
    void presentAndCleanupTheDefaultMode() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.lab(dir, "")) {
            assertThat(curl(server, "/present", "{\"fqdn\":\"_acme-challenge.www.lab.test.\",\"value\":\"v1\"}")).isEqualTo("200");
            assertThat(curl(server, "/present", "{\"fqdn\":\"_acme-challenge.www.lab.test.\",\"value\":\"v2\"}")).isEqualTo("200");
            assertThat(txt(server, "_acme-challenge.www.lab.test.")).containsExactlyInAnyOrder("\"v1\"", "\"v2\"");
            assertThat(curl(server, "/cleanup", "{\"fqdn\":\"_acme-challenge.www.lab.test.\",\"value\":\"v1\"}")).isEqualTo("200");
            assertThat(txt(server, "_acme-challenge.www.lab.test.")).containsExactly("\"v2\"");
            assertThat(curl(server, "/cleanup", "{\"fqdn\":\"_acme-challenge.www.lab.test.\",\"value\":\"v2\"}")).isEqualTo("200");
            assertThat(txt(server, "_acme-challenge.www.lab.test.")).isEmpty();
        }
    }

    @Test
    void rawModeComputesTheValueAsLegoDoes() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.lab(dir, "")) {
            assertThat(curl(server, "/present", "{\"domain\":\"www.lab.test\",\"token\":\"tok\",\"keyAuth\":\"tok.thumbprint\"}"))
                    .isEqualTo("200");
            // printf 'tok.thumbprint' | openssl dgst -sha256 -binary | basenc --base64url | tr -d =
            assertThat(txt(server, "_acme-challenge.www.lab.test.")).containsExactly(
                    "\"" + HttpreqEndpoints.dns01Value("tok.thumbprint") + "\"");
            assertThat(HttpreqEndpoints.dns01Value("tok.thumbprint")).isEqualTo(openssl("tok.thumbprint"));
        }
    }

    @Test
    void basicAuthWhenConfigured() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.lab(dir,
                "management.httpreq { username = \"lego\", password = \"s3cret\" }\n")) {
            String body = "{\"fqdn\":\"_acme-challenge.lab.test.\",\"value\":\"v\"}";
            assertThat(curl(server, "/present", body)).isEqualTo("401");
            assertThat(curl(server, "/present", body, "-u", "lego:wrong")).isEqualTo("401");
            assertThat(txt(server, "_acme-challenge.lab.test.")).isEmpty();
            assertThat(curl(server, "/present", body, "-u", "lego:s3cret")).isEqualTo("200");
            assertThat(txt(server, "_acme-challenge.lab.test.")).containsExactly("\"v\"");
            assertThat(server.http("GET", "/api/v1/zones", null).statusCode()).as("other paths as before").isEqualTo(200);
        }
    }

    @Test
    void aBadBodyIs400() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.lab(dir, "")) {
            assertThat(curl(server, "/present", "{\"fqdn\":\"x.lab.test.\"}")).isEqualTo("400");
            assertThat(curl(server, "/present", "{\"domain\":\"lab.test\"}")).isEqualTo("400");
            assertThat(curl(server, "/present", "{\"fqdn\":\"x.lab.test.\",\"value\":\"v\",\"extra\":1}")).isEqualTo("400");
        }
    }

    /** POSTs as lego's httpreq does (Content-Type application/json); returns the HTTP status. */
    private static String curl(ConfiguredServer server, String path, String body, String... more) {
        Command.require("curl", "curl");
        List<String> command = new java.util.ArrayList<>(List.of("curl", "-s", "-o", "/dev/null", "-w",
                "%{http_code}", "-X", "POST", "-H", "Content-Type: application/json", "-d", body));
        command.addAll(List.of(more));
        command.add(server.management() + path);
        return Command.run(command, "", 20).output().trim();
    }

    private static List<String> txt(ConfiguredServer server, String name) throws Exception {
        Message q = Message.newQuery(Record.newRecord(Name.fromString(name), Type.TXT, DClass.IN));
        Message reply = DnsTestClient.parse(new DnsTestClient().udpRaw(server.udp(), q.toWire(), Duration.ofSeconds(2)));
        return reply.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
    }

    private static String openssl(String text) {
        Command.require("openssl", "openssl");
        return Command.run(List.of("sh", "-c", "printf '%s' \"$1\" | openssl dgst -sha256 -binary | basenc --base64url"
                + " | tr -d '=\\n'", "sh", text), "", 20).output().trim();
    }
}
