package dev.caadns.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * Updates land in the management API's runtime overlay: they survive a reload, show in
 * /api/v1/zones, go with DELETE /api/v1/overlay, and the journal and metrics name them as updates.
 */
class UpdateOverlayTest {
    @TempDir
    Path dir;
    ConfiguredServer server;
    UpdateClient client;

    @BeforeEach
    void start() throws Exception {
        server = ConfiguredServer.lab(dir, TestKeys.UNSIGNED_FROM_LOOPBACK);
        client = new UpdateClient(server);
        Update update = UpdateClient.update("lab.test.");
        update.add(UpdateClient.record("_acme-challenge.lab.test. 120 TXT \"kept\""));
        assertThat(client.udp(update).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void anUpdateSurvivesAReload() throws Exception {
        Files.writeString(server.dir().resolve("zones/lab.test.zone"), ConfiguredServer.LAB_ZONE.replace(" 7 ", " 20 ")
                + "new   IN A   192.0.2.99\n");
        assertThat(server.http("POST", "/api/v1/reload", null).statusCode()).isEqualTo(200);
        assertThat(client.served("new.lab.test.", Type.A)).hasSize(1);
        assertThat(client.served("_acme-challenge.lab.test.", Type.TXT)).hasSize(1);
        assertThat(client.serial("lab.test.")).isEqualTo(20);
    }

    @Test
    void theApiShowsTheNewSerialAndTheRRsetFromTheOverlay() throws Exception {
        assertThat(server.http("GET", "/api/v1/zones", null).body()).contains("\"origin\":\"lab.test.\",\"serial\":8");
        assertThat(server.http("GET", "/api/v1/zones/lab.test./rrsets/_acme-challenge/TXT", null).body())
                .contains("\"source\":\"overlay\"").contains("kept");
    }

    @Test
    void clearingTheOverlayForgetsTheUpdate() throws Exception {
        assertThat(server.http("DELETE", "/api/v1/overlay", null).statusCode()).isEqualTo(204);
        assertThat(client.served("_acme-challenge.lab.test.", Type.TXT)).isEmpty();
    }

    @Test
    void theJournalAndMetricsNameTheUpdate() throws Exception {
        String journal = server.http("GET", "/api/v1/journal?opcode=update", null).body();
        assertThat(journal).contains("\"opcode\":\"UPDATE\"").contains("\"rcode\":\"NOERROR\"")
                .contains("+_acme-challenge.lab.test. TXT \\\"kept\\\"").contains("lab.test. serial 8");
        assertThat(server.http("GET", "/api/v1/journal?opcode=query&type=SOA", null).body())
                .doesNotContain("UPDATE");
        assertThat(server.http("GET", "/metrics", null).body())
                .contains("caadns_updates_total{rcode=\"NOERROR\",transport=\"udp\"} 1.0");
    }
}
