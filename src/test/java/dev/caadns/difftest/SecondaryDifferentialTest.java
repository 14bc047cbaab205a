package dev.caadns.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.Command;
import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.DnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.Secondary;
import dev.caadns.testsupport.TestZones;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * caadns as the hidden primary of real secondaries: Knot, NSD and BIND each pull tpl.test. (with
 * template CAA) by TSIG-signed transfer and then answer the differential query set exactly as
 * caadns does; a CAA change through the management API, and one through an RFC 2136 UPDATE sent
 * by BIND's nsupdate, reaches each within 5 s by IXFR (their
 * logs say so) with the new serial; a stale secondary restarted catches up by IXFR; one further
 * behind than the history gets the whole zone.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecondaryDifferentialTest {
    static final Secondary.Key KEY = new Secondary.Key("xfr-key", "hmac-sha256",
            "aGlkZGVuLXByaW1hcnkta2V5LWZvci1jYWFkbnMtdGVzdHM=");
    private static final Name ZONE = Name.fromConstantString("tpl.test.");
    private static final Duration PROPAGATION = Duration.ofSeconds(5);
    /** Names worth asking beyond the generated ones: where the rules synthesize, and around them. */
    private static final List<String> TEMPLATE_NAMES = List.of("alpha.apps", "beta.apps", "lit.apps", "alias.apps",
            "ent.apps", "a.ent.apps", "x.kid.apps", "gamma.apps", "sub", "customers", "acme.customers",
            "GLOBEX.customers", "nope.customers", "x.acme.customers", "wild", "foo.wild", "shop");
    private static final int[] TYPES = {Type.CAA, Type.A, Type.TXT, Type.ANY, Type.NS, Type.SOA};

    @TempDir
    static Path dir;
    private static ConfiguredServer primary;
    private static final Map<Secondary.Kind, Secondary> secondaries = new EnumMap<>(Secondary.Kind.class);
    private static Map<Name, Path> zoneFiles;

    @BeforeAll
    static void start() throws Exception {
        primary = startWithSecondaries(dir, secondaries, "", Map.of());
        zoneFiles = Map.of(ZONE, primary.dir().resolve("zones/tpl.test.zone"));
    }

    /**
     * caadns serving the template fixture tpl.test. (with more config and zone files), and a Knot,
     * an NSD and a BIND secondary of it in dir, started once it serves, put into secondaries.
     */
    static ConfiguredServer startWithSecondaries(Path dir, Map<Secondary.Kind, Secondary> secondaries,
                                                 String moreConfig, Map<String, String> moreZones) throws Exception {
        for (Secondary.Kind kind : Secondary.Kind.values()) {
            secondaries.put(kind, Secondary.of(kind, Files.createDirectory(dir.resolve(kind.name())), ZONE, KEY));
        }
        Path folder = TestZones.inResourceFolder("templates").get(ZONE).getParent();
        Path primaryDir = Files.createDirectory(dir.resolve("primary"));
        Files.copy(folder.resolve("tenants.csv"), primaryDir.resolve("tenants.csv"));
        String notify = secondaries.values().stream().map(s -> "\"127.0.0.1:" + s.port() + "\"")
                .collect(Collectors.joining(", "));
        Map<String, String> zones = new java.util.HashMap<>(moreZones);
        zones.put("tpl.test.zone", Files.readString(folder.resolve("tpl.test.zone")));
        ConfiguredServer server = ConfiguredServer.start(primaryDir, config(notify) + moreConfig, zones);
        InetSocketAddress from = server.udp();
        for (Secondary s : secondaries.values()) {
            s.start(from);
        }
        return server;
    }

    /** The transferable rules of the template fixture (an applies-to = any rule needs a table to be). */
    static String config(String notify) {
        return """
                tsig.keys = [
                  { name = "xfr-key", algorithm = "hmac-sha256", secret = "%s" }
                  { name = "other-key", algorithm = "hmac-sha256", secret = "b3RoZXIta2V5LW5vdC1hbGxvd2VkLXRvLXRyYW5zZmVy" }
                ]
                transfer.allow = [{ key = "xfr-key", from = ["127.0.0.0/8"] }]
                transfer.notify = [%s]
                transfer.history = 3
                update.allow = [{ key = "xfr-key", zones = ["tpl.test."], types = ["CAA"] }]
                caa.templates = [
                  { match = "*.apps.tpl.test.", issue = ["pki.goog"], iodef = "mailto:security@tpl.test" }
                  { match = "{tenant}.customers.tpl.test.", table = "tenants.csv", applies-to = any,
                    records = ["0 issue \\"letsencrypt.org; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/{account}\\""] }
                  { match = "*.wild.tpl.test.", issue = ["wild.example"] }
                ]
                """.formatted(KEY.secret(), notify);
    }

    @AfterAll
    static void stop() {
        stop(primary, secondaries);
    }

    static void stop(ConfiguredServer server, Map<Secondary.Kind, Secondary> secondaries) {
        secondaries.values().forEach(Secondary::close);
        if (server != null) {
            server.close();
        }
    }

    @Test
    @Order(1)
    void everySecondaryAnswersAsCaadnsAfterTheFirstTransfer() throws Exception {
        ZoneData zoneData = ZoneData.load(zoneFiles);
        List<GeneratedQuery> queries = new ArrayList<>(new QueryGenerator(zoneData, 12L).generate());
        int id = 60000;
        for (String n : TEMPLATE_NAMES) {
            for (int type : TYPES) {
                queries.add(new GeneratedQuery(id++, Queries.name(n + ".tpl.test."), type, 1232, false,
                        GeneratedQuery.Transport.UDP));
            }
        }
        Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        List<String> mismatches = new ArrayList<>();
        DnsTarget caadns = target(primary);
        for (Secondary s : secondaries.values()) {
            List<String> found = differences(caadns, s, queries, new KnownDifferences(zoneData));
            counts.put(s.name(), found.size());
            mismatches.addAll(found.stream().limit(5).toList());
        }
        System.out.printf("%d queries to each secondary; differences %s%n", queries.size(), counts);
        assertThat(counts.values()).as("differences per secondary %s:%n%s", counts, String.join("\n", mismatches))
                .containsOnly(0);
    }

    @Test
    @Order(2)
    void aCaaChangeThroughTheApiReachesEverySecondaryByIxfrWithin5Seconds() throws Exception {
        long before = serial(target(primary));
        var put = primary.http("PUT", "/api/v1/zones/tpl.test./rrsets/shop/CAA",
                "{\"ttl\":300,\"records\":[\"0 issue \\\"api.example\\\"\"]}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        long after = serial(target(primary));
        assertThat(after).isEqualTo(before + 1);

        everySecondaryTakesByIxfr(after, "shop.tpl.test.", "0 issue \"api.example\"");
    }

    @Test
    @Order(3)
    void aCaaChangeThroughAnUpdateFromNsupdateReachesEverySecondaryByIxfrWithin5Seconds() throws Exception {
        Command.require("nsupdate", "bind9-dnsutils");
        long before = serial(target(primary));
        Command.Result r = Command.run(List.of("nsupdate", "-y", "hmac-sha256:" + KEY.name() + ":" + KEY.secret()),
                "server 127.0.0.1 " + primary.port() + "\nzone tpl.test.\n"
                        + "update add upd.tpl.test. 300 CAA 0 issue \"update.example\"\nsend\n", 20);
        assertThat(r.exitCode()).as(r.output()).isZero();
        long after = serial(target(primary));
        assertThat(after).isEqualTo(before + 1);

        everySecondaryTakesByIxfr(after, "upd.tpl.test.", "0 issue \"update.example\"");
    }

    /** Each secondary serves serial with the CAA at name within 5 s, by IXFR as caadns and its own log say. */
    private static void everySecondaryTakesByIxfr(long serial, String name, String caa) throws Exception {
        everySecondaryTakesByIxfr(primary, ZONE, secondaries.values(), serial, name, caa);
    }

    /** Each of the secondaries of zone serves serial with the CAA at name within 5 s, by IXFR as server and its own log say. */
    static void everySecondaryTakesByIxfr(ConfiguredServer server, Name zone, java.util.Collection<Secondary> all,
                                          long serial, String name, String caa) throws Exception {
        for (Secondary s : all) {
            long took = awaitServes(s, zone, serial, name, caa);
            System.out.printf("%s serves serial %d after %d ms%n", s.name(), serial, took);
            assertThat(took).as(s.name()).isLessThanOrEqualTo(PROPAGATION.toMillis());
            assertThat(lastTransfer(server, zone, s)).as(s.name()).containsEntry("kind", "IXFR").containsEntry("serial", (int) serial)
                    .containsEntry("result", "ok");
            assertThat(s.awaitLog(line -> incremental(s, line, serial), Duration.ofSeconds(2)))
                    .as("%s logs an incremental transfer of serial %d:%n%s", s.name(), serial, s.logText()).isTrue();
        }
    }

    private static final java.util.regex.Pattern BIND_DONE = java.util.regex.Pattern.compile(
            "Transfer completed: \\d+ messages, (\\d+) records.*\\(serial (\\d+)\\)");
    private static final java.util.regex.Pattern NSD_DONE = java.util.regex.Pattern.compile(
            "received update to serial (\\d+) .* of (\\d+) bytes");

    /**
     * A log line saying the secondary took serial in by IXFR. Knot names it ("IXFR, incoming, ...,
     * finished"); BIND and NSD log only the size, so: under half the records (BIND) or bytes (NSD) of
     * the first, whole transfer of serial 1 in its log.
     */
    static boolean incremental(Secondary s, String line, long serial) {
        return switch (s.kind()) {
            case KNOT -> line.contains("IXFR, incoming") && line.contains("finished");
            case BIND -> smallerThanFirst(BIND_DONE, 2, 1, s, line, serial);
            case NSD -> smallerThanFirst(NSD_DONE, 1, 2, s, line, serial);
        };
    }

    private static boolean smallerThanFirst(java.util.regex.Pattern done, int serialGroup, int sizeGroup, Secondary s,
                                            String line, long serial) {
        var m = done.matcher(line);
        if (!m.find() || Long.parseLong(m.group(serialGroup)) != serial) {
            return false;
        }
        long first = s.logText().lines().map(done::matcher).filter(java.util.regex.Matcher::find)
                .filter(f -> Long.parseLong(f.group(serialGroup)) == 1).mapToLong(f -> Long.parseLong(f.group(sizeGroup)))
                .findFirst().orElse(0);
        return Long.parseLong(m.group(sizeGroup)) * 2 < first;
    }

    @Test
    @Order(4)
    void aStaleSecondaryRestartedCatchesUpByIxfr() throws Exception {
        Secondary knot = secondaries.get(Secondary.Kind.KNOT);
        knot.stop();
        long ixfrsBefore = knot.logText().lines().filter(l -> incremental(knot, l, 0)).count();
        long serial = putCaa("stale", "0 issue \"while-away.example\"");
        knot.start(primary.udp()); // back with its journal: the old serial, then its refresh

        awaitServes(knot, serial, "stale.tpl.test.", "0 issue \"while-away.example\"");
        assertThat(lastTransfer(knot)).containsEntry("kind", "IXFR").containsEntry("serial", (int) serial);
        assertThat(knot.logText().lines().filter(l -> incremental(knot, l, 0)).count())
                .isGreaterThan(ixfrsBefore);
    }

    @Test
    @Order(5)
    void aSecondaryFurtherBehindThanTheHistoryGetsTheWholeZone() throws Exception {
        Secondary knot = secondaries.get(Secondary.Kind.KNOT); // NSD asks AXFR, not IXFR, after a restart
        knot.stop();
        long serial = 0;
        for (int i = 0; i < 4; i++) { // the history keeps 3 differences
            serial = putCaa("gap", "0 issue \"gap" + i + ".example\"");
        }
        knot.start(primary.udp());

        awaitServes(knot, serial, "gap.tpl.test.", "0 issue \"gap3.example\"");
        assertThat(lastTransfer(knot)).containsEntry("kind", "IXFR-AXFR").containsEntry("serial", (int) serial);
    }

    @Test
    @Order(6)
    void kdigAndDigReadTheZoneWholeWithTheKey() throws Exception {
        Command.require("kdig", "knot-dnsutils");
        Command.require("dig", "bind9-dnsutils");
        String key = "hmac-sha256:" + KEY.name() + ":" + KEY.secret();
        String port = String.valueOf(primary.port());
        Command.Result kdig = Command.run(List.of("kdig", "@127.0.0.1", "-p", port, "-y", key, "tpl.test.", "AXFR",
                "+nocomments", "+nostats"), "", 30);
        Command.Result dig = Command.run(List.of("dig", "@127.0.0.1", "-p", port, "-y", key, "tpl.test.", "AXFR",
                "+nocomments", "+nostats", "+nocmd"), "", 30);

        List<String> fromKdig = records(kdig.output());
        List<String> fromDig = records(dig.output());
        assertThat(fromKdig).as(kdig.output()).hasSizeGreaterThan(20);
        assertThat(fromKdig.get(0)).contains("SOA");
        assertThat(fromKdig.get(fromKdig.size() - 1)).isEqualTo(fromKdig.get(0));
        assertThat(new java.util.TreeSet<>(fromKdig)).isEqualTo(new java.util.TreeSet<>(fromDig));
        assertThat(fromKdig).anyMatch(r -> r.startsWith("alpha.apps.tpl.test. 300 CAA 0 issue \"pki.goog\""))
                .anyMatch(r -> r.startsWith("acme.customers.tpl.test.") && r.contains("acct/1001"))
                .anyMatch(r -> r.startsWith("shop.tpl.test. 300 CAA 0 issue \"api.example\""));
        assertThat(kdig.output()).doesNotContain("failed");
        long signed = kdig.output().lines().filter(l -> l.matches(".*\\sTSIG\\s.*")).count();
        assertThat(signed).as("every message signed").isGreaterThanOrEqualTo(1);
    }

    @Test
    @Order(7)
    void aWrongKeyOrNoKeyIsRefusedAndChangesNothing() throws Exception {
        Command.require("kdig", "knot-dnsutils");
        String port = String.valueOf(primary.port());
        long serial = serial(target(primary));
        for (Secondary s : secondaries.values()) {
            awaitSerial(s, serial); // the earlier tests' last changes (NSD takes each NOTIFY in turn)
        }
        Command.Result badSecret = Command.run(List.of("kdig", "@127.0.0.1", "-p", port, "-y",
                "hmac-sha256:" + KEY.name() + ":d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldC13cm9uZyE=", "tpl.test.", "AXFR"), "", 30);
        Command.Result otherKey = Command.run(List.of("kdig", "@127.0.0.1", "-p", port, "-y",
                "hmac-sha256:other-key:b3RoZXIta2V5LW5vdC1hbGxvd2VkLXRvLXRyYW5zZmVy", "tpl.test.", "AXFR"), "", 30);
        Command.Result unsigned = Command.run(List.of("kdig", "@127.0.0.1", "-p", port, "tpl.test.", "AXFR"), "", 30);

        assertThat(badSecret.output()).as(badSecret.output()).contains("BADSIG")
                .doesNotContain("CAA");
        assertThat(otherKey.output()).as(otherKey.output()).contains("REFUSED").doesNotContain("CAA");
        assertThat(unsigned.output()).as(unsigned.output()).contains("REFUSED").doesNotContain("CAA");
        assertThat(serial(target(primary))).isEqualTo(serial);
        for (Secondary s : secondaries.values()) {
            assertThat(serial(s)).as(s.name()).isEqualTo(serial);
        }
    }

    /** The record lines of kdig or dig output (each message's TSIG aside), whitespace collapsed, without the class. */
    static List<String> records(String output) {
        return output.lines().filter(l -> !l.isBlank() && !l.startsWith(";"))
                .map(l -> l.trim().replaceAll("\\s+", " ").replace(" IN ", " ")).filter(l -> !l.contains(" TSIG "))
                .toList();
    }

    /** Sets a CAA RRset through the management API; returns the zone's new serial. */
    private static long putCaa(String name, String rdata) throws Exception {
        return putCaa(primary, name, rdata);
    }

    /** Sets a CAA RRset of tpl.test. through server's management API; returns the zone's new serial. */
    static long putCaa(ConfiguredServer server, String name, String rdata) throws Exception {
        var put = server.http("PUT", "/api/v1/zones/tpl.test./rrsets/" + name + "/CAA",
                "{\"ttl\":300,\"records\":[" + new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(rdata) + "]}");
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);
        return serial(target(server));
    }

    /** What caadns's API says the last transfer to this secondary's source address was. */
    static Map<String, Object> lastTransfer(Secondary s) throws Exception {
        return lastTransfer(primary, ZONE, s);
    }

    /** What server's API says its last transfer of origin to this secondary's source address was. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> lastTransfer(ConfiguredServer server, Name origin, Secondary s) throws Exception {
        var zones = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                server.http("GET", "/api/v1/zones", null).body(), List.class);
        for (Object z : zones) {
            Map<String, Object> zone = (Map<String, Object>) z;
            if (zone.get("origin").equals(origin.toString())) {
                Map<String, Object> transfers = (Map<String, Object>) ((Map<String, Object>) zone.get("transfer"))
                        .get("transfers");
                return (Map<String, Object>) transfers.getOrDefault(s.kind().source, Map.of());
            }
        }
        throw new AssertionError("no zone " + origin + " in /api/v1/zones");
    }

    /** Milliseconds until the secondary answers the serial and the CAA text at name; fails after PROPAGATION * 2. */
    private static long awaitServes(Secondary s, long serial, String name, String caa) throws Exception {
        return awaitServes(s, ZONE, serial, name, caa);
    }

    /** Milliseconds until the secondary answers zone's serial and the CAA text at name; fails after PROPAGATION * 2. */
    static long awaitServes(Secondary s, Name zone, long serial, String name, String caa) throws Exception {
        long start = System.nanoTime();
        DnsTestClient client = new DnsTestClient();
        while (System.nanoTime() - start < PROPAGATION.toNanos() * 2) {
            Message answer = client.udp(s, Queries.query(1, Queries.name(name), Type.CAA));
            boolean hasCaa = answer.getSection(Section.ANSWER).stream().map(Record::rdataToString).anyMatch(caa::equals);
            if (serial(s, zone) == serial && hasCaa) {
                return (System.nanoTime() - start) / 1_000_000;
            }
            Thread.sleep(20);
        }
        throw new AssertionError(s.name() + " did not serve serial " + serial + " within " + PROPAGATION.multipliedBy(2)
                + "; its log:\n" + s.logText());
    }

    /**
     * Waits until the secondary serves serial; fails after PROPAGATION * 2. An update NSD 4.6 dropped
     * ({@link Secondary#droppedUpdates}) is NOTIFYed again, as the primary's next change would.
     */
    private static void awaitSerial(Secondary s, long serial) throws Exception {
        long start = System.nanoTime();
        long dropped = 0;
        while (serial(s) != serial) {
            long droppedNow = s.droppedUpdates(); // reads its log once
            if (droppedNow > dropped) {
                dropped = droppedNow;
                s.notifyOfChange();
            }
            if (System.nanoTime() - start > PROPAGATION.toNanos() * 2) {
                throw new AssertionError(s.name() + " did not serve serial " + serial + " within "
                        + PROPAGATION.multipliedBy(2) + "; its log:\n" + s.logText());
            }
            Thread.sleep(20);
        }
    }

    static long serial(DnsTarget target) {
        return serial(target, ZONE);
    }

    static long serial(DnsTarget target, Name zone) {
        Message m = new DnsTestClient().udp(target, Queries.query(2, zone, Type.SOA));
        return ((SOARecord) m.getSection(Section.ANSWER).get(0)).getSerial();
    }

    static DnsTarget target(ConfiguredServer server) {
        return new DnsTarget() {
            @Override
            public InetSocketAddress udp() {
                return server.udp();
            }

            @Override
            public InetSocketAddress tcp() {
                return server.server().tcpAddresses().get(0);
            }

            @Override
            public String name() {
                return "caadns";
            }

            @Override
            public void close() {
            }
        };
    }

    private static List<String> differences(DnsTarget caadns, Secondary s, List<GeneratedQuery> queries,
                                            KnownDifferences known) {
        ResponseComparator comparator = new ResponseComparator("caadns", s.name(), known);
        DnsTestClient client = new DnsTestClient();
        List<String> found = new ArrayList<>();
        for (GeneratedQuery query : queries) {
            Message ours = ask(client, caadns, query);
            Message theirs = ask(client, s, query);
            List<String> diffs = comparator.differences(query, ReplyView.of(ours), ReplyView.of(theirs));
            if (!diffs.isEmpty()) {
                found.add(s.name() + ": " + query + "\n  " + String.join("\n  ", diffs) + "\n--- caadns:\n" + ours
                        + "\n--- " + s.name() + ":\n" + theirs);
            }
        }
        return found;
    }

    private static Message ask(DnsTestClient client, DnsTarget target, GeneratedQuery query) {
        return query.transport() == GeneratedQuery.Transport.TCP ? client.tcp(target, query.toMessage())
                : client.udp(target, query.toMessage());
    }
}
