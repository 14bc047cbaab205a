package dev.caadns.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.Secondary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/**
 * A Knot secondary that takes NOTIFY only when it is signed with the transfer key ({@code acl} with
 * {@code key} and {@code action: notify}) and would not refresh on its own for an hour (SOA refresh
 * 3600): a {@code transfer.notify} entry naming the key gets its NOTIFY accepted and the new serial
 * pulled within 5 s; the same secondary listed without a key denies the unsigned NOTIFY and stays
 * on the old serial.
 */
class SignedNotifyTest {
    private static final Secondary.Key KEY = SecondaryDifferentialTest.KEY;
    private static final Name ZONE = Name.fromConstantString("signed-notify.test.");
    private static final String ZONE_TEXT = "$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 127.0.0.1\n";

    @TempDir
    Path dir;

    @Test
    void aSignedNotifyIsAcceptedAndTheSecondaryRefreshesAtOnce() throws Exception {
        Run run = run(true);
        try (run.primary; run.knot) {
            long serial = putTxt(run.primary, "signed");
            assertThat(run.knot.awaitLog(line -> line.contains("ACL, allowed, action notify") && line.contains("key 'xfr-key.'"),
                    Duration.ofSeconds(5))).as("Knot takes the signed NOTIFY:%n%s", run.knot.logText()).isTrue();
            assertThat(run.knot.awaitLog(line -> line.contains("zone updated") && line.contains("serial 1 -> " + serial),
                    Duration.ofSeconds(5))).as("and pulls serial %d at once:%n%s", serial, run.knot.logText()).isTrue();
            assertThat(run.knot.logText()).contains("IXFR, incoming").doesNotContain("denied");
            assertThat(SecondaryDifferentialTest.serial(run.knot, ZONE)).isEqualTo(serial);
            assertThat(lastNotify(run.primary)).as("Knot's signed answer verified")
                    .containsEntry("serial", (int) serial).containsEntry("result", "ok");
        }
    }

    @Test
    void anUnsignedNotifyIsDeniedAndTheSecondaryStaysBehind() throws Exception {
        Run run = run(false);
        try (run.primary; run.knot) {
            long serial = putTxt(run.primary, "unsigned");
            assertThat(run.knot.awaitLog(line -> line.contains("ACL, denied") && line.contains("notify"),
                    Duration.ofSeconds(5))).as("Knot denies the unsigned NOTIFY:%n%s", run.knot.logText()).isTrue();
            Thread.sleep(1000);
            assertThat(SecondaryDifferentialTest.serial(run.knot, ZONE)).isEqualTo(1).isLessThan(serial);
            assertThat(lastNotify(run.primary)).containsEntry("serial", (int) serial).containsEntry("result", "retrying");
        }
    }

    private record Run(ConfiguredServer primary, Secondary knot) {
    }

    /** caadns with the Knot secondary in transfer.notify (signed with the key or not), Knot requiring a signed NOTIFY. */
    private Run run(boolean signed) throws Exception {
        Secondary knot = Secondary.of(Secondary.Kind.KNOT, Files.createDirectory(dir.resolve("knot")), ZONE, KEY);
        String target = "127.0.0.1:" + knot.port();
        String notify = signed ? "{ address = \"" + target + "\", key = \"" + KEY.name() + "\" }" : "\"" + target + "\"";
        ConfiguredServer primary = ConfiguredServer.start(Files.createDirectory(dir.resolve("primary")), """
                tsig.keys = [{ name = "%s", algorithm = "%s", secret = "%s" }]
                transfer.allow = [{ key = "%s", from = ["127.0.0.0/8"] }]
                transfer.notify = [%s]
                """.formatted(KEY.name(), KEY.algorithm(), KEY.secret(), KEY.name(), notify),
                Map.of(ZONE + "zone", ZONE_TEXT));
        String config = knot.config(primary.udp());
        String acl = "    action: notify\n";
        assertThat(config).contains(acl);
        knot.startWith(config.replace(acl, "    key: " + KEY.name() + "\n" + acl).replace("any: info", "any: debug"));
        assertThat(SecondaryDifferentialTest.serial(knot, ZONE)).isEqualTo(1);
        return new Run(primary, knot);
    }

    /** What caadns's API says of the last NOTIFY to the one secondary. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> lastNotify(ConfiguredServer primary) throws Exception {
        var zones = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                primary.http("GET", "/api/v1/zones", null).body(), java.util.List.class);
        for (Object z : zones) {
            Map<String, Object> zone = (Map<String, Object>) z;
            if (zone.get("origin").equals(ZONE.toString())) {
                Map<String, Object> notifies = (Map<String, Object>) ((Map<String, Object>) zone.get("transfer")).get("notifies");
                assertThat(notifies).hasSize(1);
                return (Map<String, Object>) notifies.values().iterator().next();
            }
        }
        throw new AssertionError("no zone " + ZONE + " in /api/v1/zones");
    }

    /** Adds a TXT RRset through the management API; returns the zone's new serial. */
    private static long putTxt(ConfiguredServer primary, String name) throws Exception {
        var put = primary.http("PUT", "/api/v1/zones/" + ZONE + "/rrsets/" + name + "/TXT",
                "{\"ttl\":300,\"records\":[\"\\\"" + name + "\\\"\"]}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return SecondaryDifferentialTest.serial(SecondaryDifferentialTest.target(primary), ZONE);
    }
}
