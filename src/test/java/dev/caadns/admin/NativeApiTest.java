package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caadns.config.ConfigError;
import dev.caadns.config.SettingsLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The /api/v1 endpoints and /metrics over real HTTP against an in-process server. */
class NativeApiTest extends LabFixtureTest {

    @Test
    void listsZonesWithSerialRecordsAndFile() throws Exception {
        var zones = lab.get("/api/v1/zones");
        assertThat(zones.statusCode()).isEqualTo(200);
        assertThat(zones.body()).isEqualTo("[{\"origin\":\"lab.test.\",\"serial\":7,\"records\":5,\"file\":\""
                + dir.resolve("lab.test.zone") + "\"}]");
    }

    @Test
    void readsReplacesAndDeletesAnRRset() throws Exception {
        String path = "/api/v1/zones/lab.test./rrsets/@/CAA";
        assertThat(lab.get(path).body()).isEqualTo("{\"name\":\"lab.test.\",\"type\":\"CAA\",\"ttl\":300,"
                + "\"records\":[\"0 issue \\\"ca.example\\\"\"],\"source\":\"zone file\"}");

        var put = lab.send("PUT", path, "{\"ttl\":60,\"records\":[\"0 issue \\\"other.example\\\"\","
                + "\"128 iodef \\\"mailto:a@b.example\\\"\"]}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        assertThat(put.body()).contains("\"source\":\"overlay\"", "other.example");
        assertThat(lab.udp("lab.test.", Type.CAA).getSection(Section.ANSWER)).hasSize(2);

        assertThat(lab.send("DELETE", path, null).statusCode()).isEqualTo(204);
        assertThat(lab.udp("lab.test.", Type.CAA).getSection(Section.ANSWER)).isEmpty();
        assertThat(lab.get(path).statusCode()).isEqualTo(404);
    }

    @Test
    void aCaaChangeTheCheckRejectsGets400AndChangesNothing() throws Exception {
        var put = lab.send("PUT", "/api/v1/zones/lab.test./rrsets/www/CAA",
                "{\"ttl\":60,\"records\":[\"0 bogus \\\"x\\\"\"]}");

        assertThat(put.statusCode()).isEqualTo(400);
        assertThat(put.body()).contains("T-BOGUS");
        assertThat(lab.udp("www.lab.test.", Type.CAA).getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void badRRsetRequestsAreRefused() throws Exception {
        assertThat(lab.send("PUT", "/api/v1/zones/lab.test./rrsets/www/A", "{\"ttl\":60,\"records\":[\"nope\"]}")
                .statusCode()).isEqualTo(400);
        assertThat(lab.send("PUT", "/api/v1/zones/lab.test./rrsets/www/A", "{\"ttl\":\"60\",\"records\":[]}")
                .statusCode()).isEqualTo(400);
        assertThat(lab.send("PUT", "/api/v1/zones/lab.test./rrsets/www.other.test./A",
                "{\"ttl\":60,\"records\":[\"192.0.2.1\"]}").statusCode()).isEqualTo(400);
        assertThat(lab.get("/api/v1/zones/nowhere.test./rrsets/www/A").statusCode()).isEqualTo(404);
        assertThat(lab.send("PATCH", "/api/v1/zones/lab.test./rrsets/www/A", "{}").statusCode()).isEqualTo(405);
    }

    @Test
    void journalShowsTheCaClimbingToTheTld() throws Exception {
        for (String name : List.of("a.b.lab.test.", "b.lab.test.", "lab.test.", "test.")) {
            lab.udp(name, Type.CAA);
        }
        lab.udp("www.lab.test.", Type.A);

        var climb = lab.get("/api/v1/journal?subtree=test.&type=CAA");
        assertThat(climb.statusCode()).isEqualTo(200);
        assertThat(climb.body()).containsSubsequence("\"name\":\"a.b.lab.test.\"", "\"name\":\"b.lab.test.\"",
                "\"name\":\"lab.test.\"", "\"name\":\"test.\"");
        assertThat(climb.body()).doesNotContain("www.lab.test.");
        assertThat(lab.get("/api/v1/journal?name=lab.test.").body())
                .contains("\"rcode\":\"NOERROR\"", "\"answer\":[\"CAA x1\"]", "\"transport\":\"udp\"")
                .doesNotContain("b.lab.test.");
        assertThat(lab.get("/api/v1/journal?since=2999-01-01T00:00:00Z").body()).isEqualTo("[]");
        assertThat(lab.get("/api/v1/journal?since=yesterday").statusCode()).isEqualTo(400);
    }

    @Test
    void failedReloadKeepsServingThePreviousZoneAndTheOverlay() throws Exception {
        lab.post("/add-caa", "{\"host\":\"www.lab.test\",\"policies\":[{\"tag\":\"issue\",\"value\":\"kept.example\"}]}");
        Files.writeString(dir.resolve("lab.test.zone"), "$ORIGIN lab.test.\n@ IN SOA ns hostmaster (\n");

        var reload = lab.post("/api/v1/reload", null);
        assertThat(reload.statusCode()).isEqualTo(200);
        assertThat(reload.body()).contains("\"zone\":\"lab.test.\"", "\"served\":false", "\"keptPrevious\":true");
        assertThat(lab.udp("ns.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(lab.udp("www.lab.test.", Type.CAA).getSection(Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(((CAARecord) r).getValue()).isEqualTo("kept.example"));

        Files.writeString(dir.resolve("lab.test.zone"), LabFixture.ZONE.replace(" 7 ", " 8 "));
        assertThat(lab.post("/api/v1/reload", null).body()).contains("\"served\":true", "\"serial\":8");
        assertThat(lab.udp("www.lab.test.", Type.CAA).getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void metricsAreInPrometheusTextFormat() throws Exception {
        lab.udp("www.lab.test.", Type.A);
        lab.post("/api/v1/faults", "{\"name\":\"ns.lab.test.\",\"action\":\"servfail\"}");
        lab.udp("ns.lab.test.", Type.A);
        lab.post("/api/v1/reload", null);

        var metrics = lab.get("/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        assertThat(metrics.body()).contains(
                "caadns_queries_total{rcode=\"NOERROR\",transport=\"udp\",type=\"A\"} 1",
                "caadns_queries_total{rcode=\"SERVFAIL\",transport=\"udp\",type=\"A\"} 1",
                "caadns_query_duration_seconds_count 2",
                "caadns_zone_serial{zone=\"lab.test.\"} 7",
                "caadns_zone_records{zone=\"lab.test.\"} 5",
                "caadns_zone_loads_total{result=\"served\",zone=\"lab.test.\"} 2",
                "caadns_faults_fired_total{action=\"servfail\"} 1");
    }

    @Test
    void forgettingTheOverlayForgetsTheDefaultAddressesSetAtRuntime(@TempDir Path other) throws Exception {
        try (LabFixture everyName = new LabFixture(other, Map.of("outside-zones", "challtestsrv",
                "default-address.ipv4", "192.0.2.7"))) {
            assertThat(everyName.post("/set-default-ipv4", "{\"ip\":\"10.10.10.2\"}").statusCode()).isEqualTo(200);
            assertThat(everyName.udp("nothing.example.", Type.A).getSection(Section.ANSWER)).singleElement()
                    .satisfies(a -> assertThat(a.rdataToString()).isEqualTo("10.10.10.2"));

            assertThat(everyName.send("DELETE", "/api/v1/overlay", null).statusCode()).isEqualTo(204);

            assertThat(everyName.udp("nothing.example.", Type.A).getSection(Section.ANSWER)).singleElement()
                    .satisfies(a -> assertThat(a.rdataToString()).isEqualTo("192.0.2.7"));
        }
    }

    @Test
    void zoneSerialsReadAsIntegers() throws Exception {
        Files.writeString(dir.resolve("lab.test.zone"), LabFixture.ZONE.replace(" 7 ", " 2026112801 "));
        lab.post("/api/v1/reload", null);

        assertThat(lab.get("/metrics").body()).contains("caadns_zone_serial{zone=\"lab.test.\"} 2026112801\n");
    }

    @Test
    void aManagementAddressInUseIsNamedInTheError(@TempDir Path other) throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            String address = "127.0.0.1:" + taken.getLocalPort();
            assertThatThrownBy(() -> new LabFixture(other, Map.of("management.listen", address)).close())
                    .hasMessageContaining("cannot start lab control")
                    .hasMessageContaining(address)
                    .hasMessageContaining("already in use");
        }
    }

    @Test
    void explainWithoutTheCaaModuleSaysSo() throws Exception {
        assertThat(lab.get("/api/v1/explain?name=lab.test&ca=ca.example").statusCode()).isEqualTo(501);
    }

    @Test
    void aTokenIsCheckedOnEveryRequest(@TempDir Path other) throws Exception {
        try (LabFixture guarded = new LabFixture(other, Map.of("management.token", "s3cret"))) {
            assertThat(guarded.get("/api/v1/zones").statusCode()).isEqualTo(401);
            assertThat(guarded.send("GET", "/api/v1/zones", null, Map.of("Authorization", "Bearer wrong"))
                    .statusCode()).isEqualTo(401);
            assertThat(guarded.send("GET", "/api/v1/zones", null, Map.of("Authorization", "Bearer s3cret"))
                    .statusCode()).isEqualTo(200);
        }
    }

    @Test
    void bindingBeyondLoopbackWithoutATokenIsRefused() throws Exception {
        var settings = SettingsLoader.load(Optional.empty(), Map.of("management.listen", "0.0.0.0:8055"));
        assertThatThrownBy(() -> LabSettings.from(settings)).isInstanceOf(ConfigError.class)
                .hasMessageContaining("management.token");
    }
}
