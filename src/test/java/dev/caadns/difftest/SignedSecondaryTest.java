package dev.caadns.difftest;

import static dev.caadns.difftest.SecondaryDifferentialTest.KEY;
import static dev.caadns.difftest.SecondaryDifferentialTest.serial;
import static dev.caadns.difftest.SecondaryDifferentialTest.target;
import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.Command;
import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.DnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.Secondary;
import dev.caadns.testsupport.TestZones;
import dev.caadns.testsupport.UnboundResolver;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * {@link SecondaryDifferentialTest}'s template zone tpl.test., signed, as the hidden primary of
 * Knot, BIND and NSD: AXFR carries every DNSSEC record (DNSKEY, every RRSIG, the NSEC chain, the DS
 * caadns publishes for its signed child kid.apps.tpl.test.), so kdig's copy and each secondary's
 * pass {@code dnssec-verify} and {@code ldns-verify-zone}, although caadns denies names of this zone
 * online (its table rule makes names up): the secondary gets a chain over the names written out. A
 * CAA change through the API reaches each secondary by IXFR with its new RRSIG, the new name's NSEC
 * and the SOA's new RRSIG, and the copies still verify; Unbound validating against each secondary
 * answers AD.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SignedSecondaryTest {
    private static final Name ZONE = Name.fromConstantString("tpl.test.");
    private static final String CHILD = """
            $ORIGIN kid.apps.tpl.test.
            $TTL 300
            @   SOA ns hostmaster 1 7200 3600 1209600 300
                NS  ns
            ns  A   127.0.0.2
            @   CAA 0 issue "kid.example"
            """;

    @TempDir
    static Path dir;
    private static ConfiguredServer primary;
    private static final Map<Secondary.Kind, Secondary> secondaries = new EnumMap<>(Secondary.Kind.class);

    @BeforeAll
    static void start() throws Exception {
        Command.require("dnssec-verify", "bind9-utils");
        Command.require("ldns-verify-zone", "ldnsutils");
        Command.require("kdig", "knot-dnsutils");
        primary = SecondaryDifferentialTest.startWithSecondaries(dir, secondaries,
                "dnssec { sign = true, key-directory = \"keys\" }\n", Map.of("kid.apps.tpl.test.zone", CHILD));
    }

    @AfterAll
    static void stop() {
        SecondaryDifferentialTest.stop(primary, secondaries);
    }

    @Test
    @Order(1)
    void anAxfrOfTheSignedZoneCarriesEveryDnssecRecordAndVerifies() throws Exception {
        List<String> zone = axfr(target(primary));
        assertThat(zone).anyMatch(r -> r.startsWith("tpl.test. 3600 DNSKEY 257 3 13 "))
                .anyMatch(r -> r.startsWith("tpl.test. 3600 RRSIG DNSKEY 13 2 3600 "))
                .anyMatch(r -> r.startsWith("tpl.test. 3600 RRSIG SOA 13 2 3600 "))
                .anyMatch(r -> r.startsWith("kid.apps.tpl.test. 300 DS "))
                .anyMatch(r -> r.startsWith("kid.apps.tpl.test. 300 RRSIG DS "))
                .anyMatch(r -> r.startsWith("alpha.apps.tpl.test. 300 RRSIG CAA "))
                // a table name, denied online by caadns, is in the secondary's chain
                .anyMatch(r -> r.startsWith("acme.customers.tpl.test. 300 NSEC ") && r.contains(" RRSIG NSEC CAA"))
                .anyMatch(r -> r.startsWith("acme.customers.tpl.test. 300 RRSIG CAA "))
                .noneMatch(r -> r.startsWith("ns.kid.apps.tpl.test.") && r.contains(" RRSIG "));
        verifies("caadns", zone);
        Name child = Name.fromConstantString("kid.apps.tpl.test."); // no templates: the zone as served
        verifies("caadns " + child, child, axfr(target(primary), child));
    }

    @Test
    @Order(2)
    void everySecondaryHoldsTheSignedZone() throws Exception {
        for (Secondary s : secondaries.values()) {
            Message reply = new DnsTestClient().udp(s, Queries.query(3, Queries.name("alpha.apps.tpl.test."), Type.CAA,
                    1232, true));
            assertThat(reply.getSection(Section.ANSWER).stream().map(Record::getType)).as(s.name() + ": " + reply)
                    .contains(Type.CAA, Type.RRSIG);
            Message nx = new DnsTestClient().udp(s, Queries.query(4, Queries.name("nope.tpl.test."), Type.CAA, 1232,
                    true));
            assertThat(nx.getRcode()).as(s.name()).isEqualTo(Rcode.NXDOMAIN);
            assertThat(nx.getSection(Section.AUTHORITY).stream().map(Record::getType)).as(s.name() + ": " + nx)
                    .contains(Type.NSEC, Type.RRSIG);
        }
        for (Secondary.Kind kind : List.of(Secondary.Kind.KNOT, Secondary.Kind.BIND)) {
            verifies(kind.name(), axfr(secondaries.get(kind)));
        }
    }

    @Test
    @Order(3)
    void aCaaChangeThroughTheApiReachesEverySecondaryByIxfrWithItsSignatures() throws Exception {
        long before = serial(target(primary));
        long after = SecondaryDifferentialTest.putCaa(primary, "shop", "0 issue \"api.example\"");
        assertThat(after).isEqualTo(before + 1);

        List<String> ixfr = SecondaryDifferentialTest.records(transfer(target(primary), ZONE, "IXFR=" + before).output());
        assertThat(ixfr).as("the difference").anyMatch(r -> r.startsWith("shop.tpl.test. 300 CAA "))
                .anyMatch(r -> r.startsWith("shop.tpl.test. 300 RRSIG CAA "))
                .anyMatch(r -> r.startsWith("shop.tpl.test. 300 NSEC "))
                .anyMatch(r -> r.startsWith("tpl.test. 3600 RRSIG SOA "))
                .noneMatch(r -> r.contains(" DNSKEY "))
                .hasSizeLessThan(30);

        SecondaryDifferentialTest.everySecondaryTakesByIxfr(primary, ZONE, secondaries.values(), after,
                "shop.tpl.test.", "0 issue \"api.example\"");
        for (Secondary.Kind kind : List.of(Secondary.Kind.KNOT, Secondary.Kind.BIND)) {
            List<String> copy = axfr(secondaries.get(kind));
            assertThat(copy).as(kind.name()).anyMatch(r -> r.startsWith("shop.tpl.test. 300 RRSIG CAA "));
            verifies(kind.name() + " after the IXFR", copy);
        }
    }

    @Test
    @Order(4)
    void unboundValidatingAgainstEachSecondaryAnswersSecure() throws Exception {
        Path anchor = Files.createDirectories(dir.resolve("unbound")).resolve("anchor");
        Message keys = new DnsTestClient().udp(target(primary), Queries.query(5, ZONE, Type.DNSKEY, 1232, true));
        Files.writeString(anchor, keys.getSection(Section.ANSWER).stream().filter(r -> r.getType() == Type.DNSKEY)
                .map(Record::toString).collect(Collectors.joining("\n", "", "\n")));
        for (Secondary s : secondaries.values()) {
            Path work = Files.createDirectories(dir.resolve("unbound").resolve(s.name()));
            try (UnboundResolver unbound = UnboundResolver.start(work, anchor, List.of(ZONE), s.udp(), ZONE)) {
                for (String[] ask : new String[][] {{"shop.tpl.test.", "CAA"}, {"alpha.apps.tpl.test.", "CAA"},
                    {"acme.customers.tpl.test.", "CAA"}, {"nope.tpl.test.", "CAA"}, {"ns1.tpl.test.", "CAA"}}) {
                    Message query = Queries.query(6, Queries.name(ask[0]), Type.value(ask[1]), 1232, true);
                    query.getHeader().setFlag(Flags.RD);
                    Message reply = new DnsTestClient(java.time.Duration.ofSeconds(10)).udp(unbound, query);
                    assertThat(reply.getRcode()).as(ask[0] + ": " + reply).isIn(Rcode.NOERROR, Rcode.NXDOMAIN);
                    assertThat(reply.getHeader().getFlag(Flags.AD)).as(ask[0] + " secure through " + s.name() + ": "
                            + reply).isTrue();
                }
            }
        }
    }

    @Test
    @Order(5)
    void aNameThatGoesTakesItsNsecAlongAndTheCopyStillVerifies() throws Exception {
        long before = serial(target(primary));
        var delete = primary.http("DELETE", "/api/v1/zones/tpl.test./rrsets/shop/CAA", null);
        assertThat(delete.statusCode()).as(delete.body()).isIn(200, 204);
        long after = serial(target(primary));
        assertThat(after).isEqualTo(before + 1);

        List<String> ixfr = SecondaryDifferentialTest.records(transfer(target(primary), ZONE, "IXFR=" + before).output());
        int deletions = ixfr.subList(1, ixfr.size()).indexOf(ixfr.get(0)) + 1; // from the old SOA to the new one
        List<String> removed = ixfr.subList(1, deletions);
        assertThat(removed).as("removed: %s", ixfr).anyMatch(r -> r.startsWith("shop.tpl.test. 300 NSEC "))
                .anyMatch(r -> r.startsWith("shop.tpl.test. 300 RRSIG NSEC "))
                .anyMatch(r -> r.startsWith("shop.tpl.test. 300 CAA "));
        assertThat(ixfr.subList(deletions, ixfr.size())).as("added: %s", ixfr)
                .anyMatch(r -> r.contains(" NSEC ") && !r.startsWith("shop."))
                .noneMatch(r -> r.startsWith("shop.tpl.test."));
        Secondary knot = secondaries.get(Secondary.Kind.KNOT);
        // a NOTIFY Knot does not answer (busy with the last transfer) is sent again after 1, 2, 4 and
        // 8 s, each with a 2 s timeout (Notifier): the fourth goes out 13 s after the change
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (serial(knot, ZONE) != after && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        List<String> copy = axfr(knot);
        assertThat(copy).noneMatch(r -> r.startsWith("shop.tpl.test."));
        verifies("KNOT after the name went", copy);
    }

    /** tpl.test. as kdig reads it whole by AXFR (from caadns with the key), one record per line. */
    private static List<String> axfr(DnsTarget from) {
        return axfr(from, ZONE);
    }

    private static List<String> axfr(DnsTarget from, Name zone) {
        Command.Result r = transfer(from, zone, "AXFR");
        List<String> records = SecondaryDifferentialTest.records(r.output());
        assertThat(records).as(r.output()).hasSizeGreaterThan(10);
        assertThat(r.output()).doesNotContain("failed");
        return records;
    }

    /** A transfer by kdig: signed with the key to caadns, unsigned to a secondary (its read-back rule). */
    private static Command.Result transfer(DnsTarget from, Name zone, String type) {
        List<String> command = new ArrayList<>(List.of("kdig", "@" + from.tcp().getAddress().getHostAddress(), "-p",
                String.valueOf(from.tcp().getPort()), zone.toString(), type, "+nocomments", "+nostats"));
        if (!(from instanceof Secondary)) {
            command.addAll(List.of("-y", "hmac-sha256:" + KEY.name() + ":" + KEY.secret()));
        }
        return Command.run(command, "", 30);
    }

    /** dnssec-verify and ldns-verify-zone both pass the transferred zone (the closing SOA dropped). */
    private static void verifies(String source, List<String> zone) throws Exception {
        verifies(source, ZONE, zone);
    }

    private static void verifies(String source, Name origin, List<String> zone) throws Exception {
        Path file = Files.createTempFile(dir, source.replace(' ', '-'), ".zone");
        Files.writeString(file, String.join("\n", new ArrayList<>(zone.subList(0, zone.size() - 1))) + "\n");
        Command.Result ldns = Command.run(List.of("ldns-verify-zone", file.toString()), "", 60);
        assertThat(ldns.exitCode()).as(source + ": " + ldns.output()).isZero();
        assertThat(ldns.output()).as(source).contains("Zone is verified and complete");
        Command.Result bind = Command.run(List.of("dnssec-verify", "-z", "-o", origin.toString(), file.toString()), "", 60);
        assertThat(bind.exitCode()).as(source + ": " + bind.output()).isZero();
        assertThat(bind.output()).as(source).contains("Zone fully signed");
    }
}
