package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.answer.ZoneSet;
import dev.caadns.zone.LoadOptions;
import dev.caadns.zone.ZoneIndex;
import dev.caadns.zone.ZoneLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** The served data between the files and the overlay: what a runtime change rebuilds, and what it keeps. */
class ServedZonesTest {
    private static final Name ONE = Name.fromConstantString("one.test.");
    private static final Name TWO = Name.fromConstantString("two.test.");
    @TempDir
    Path dir;
    private ServedZones zones;

    @BeforeEach
    void load() throws Exception {
        String apex = "$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 192.0.2.1\n";
        // A malformed CAA a lab serves on purpose (tag length past the end), kept byte for byte.
        Files.writeString(dir.resolve("one.test.zone"), apex + "bad CAA \\# 5 0009616263\n"
                + "www CNAME WWW.Two.Test.\nmx MX 10 ns\n");
        Files.writeString(dir.resolve("two.test.zone"), apex + "www A 192.0.2.2\n");
        ZoneLoader loader = new ZoneLoader(LoadOptions.defaults(), List.of());
        zones = new ServedZones(() -> loader.loadDirectory(dir));
        zones.load();
    }

    @Test
    void aListenerIsToldOfAVersionBeforeQueriesSeeItAndAgainOnceTheyDo() throws Exception {
        ZoneSet before = zones.get();
        List<String> told = new java.util.ArrayList<>();
        zones.listen(new ServedZones.Listener() {
            @Override
            public void published(ZoneSet previous, ZoneSet next) {
                told.add("published, queries see " + (zones.get() == next ? "next" : zones.get() == previous ? "previous" : "?"));
            }

            @Override
            public void served(ZoneSet current) {
                told.add("served, queries see " + (zones.get() == current ? "it" : "another"));
            }
        });
        Name added = Name.fromString("new.one.test.");
        zones.replace(added, Type.A, List.of(new ARecord(added, DClass.IN, 60, java.net.InetAddress.getByName("192.0.2.9"))));

        assertThat(zones.get()).isNotSameAs(before);
        assertThat(told).containsExactly(
                "published, queries see next", // at listen: the zones served now, with no previous
                "served, queries see it",
                "published, queries see previous",
                "served, queries see it");
    }

    @Test
    void aChangeRebuildsOnlyItsZone() throws Exception {
        ZoneIndex twoBefore = zone(zones.get(), TWO);
        ZoneIndex oneBefore = zone(zones.get(), ONE);

        zones.replace(Name.fromString("new.one.test."), Type.A,
                List.of(new ARecord(Name.fromString("new.one.test."), DClass.IN, 60, java.net.InetAddress.getByName("192.0.2.9"))));

        assertThat(zone(zones.get(), TWO)).isSameAs(twoBefore);
        assertThat(zone(zones.get(), ONE)).isNotSameAs(oneBefore);
    }

    @Test
    void aZoneWithRuntimeChangesIsNotRebuiltForAChangeToAnotherZoneOrAnUnchangedReload() throws Exception {
        Name added = Name.fromString("new.one.test.");
        zones.replace(added, Type.A, List.of(new ARecord(added, DClass.IN, 60, java.net.InetAddress.getByName("192.0.2.9"))));
        ZoneIndex oneChanged = zone(zones.get(), ONE);

        Name www = Name.fromString("www.two.test.");
        zones.replace(www, Type.A, List.of(new ARecord(www, DClass.IN, 60, java.net.InetAddress.getByName("192.0.2.8"))));
        assertThat(zone(zones.get(), ONE)).isSameAs(oneChanged);
        zones.load();
        assertThat(zone(zones.get(), ONE)).isSameAs(oneChanged);

        zones.replace(added, Type.A, List.of(new ARecord(added, DClass.IN, 60, java.net.InetAddress.getByName("192.0.2.10"))));
        assertThat(zone(zones.get(), ONE)).isNotSameAs(oneChanged);
        assertThat(zones.served(added, Type.A)).extracting(Record::rdataToString).containsExactly("192.0.2.10");
    }

    @Test
    void aRebuiltZoneKeepsEveryOtherRecordExactlyAsWritten() throws Exception {
        List<String> before = wire(zone(zones.get(), ONE));

        Name added = Name.fromString("new.one.test.");
        zones.replace(added, Type.A, List.of(new ARecord(added, DClass.IN, 60, java.net.InetAddress.getByName("192.0.2.9"))));
        List<String> after = wire(zone(zones.get(), ONE));

        // every record but the SOA, whose serial the change moved (SerialPolicyTest)
        assertThat(after).containsAll(before.stream().filter(r -> !r.contains("/6/")).toList())
                .contains("new.one.test./1/60/c0000209");
        assertThat(before).contains("bad.one.test./257/300/0009616263",
                "www.one.test./5/300/" + "03575757" + "0354776f" + "0454657374" + "00");
    }

    @Test
    void deletingAnRrsetFromAFileZoneAndRevertingIt() throws Exception {
        Name www = Name.fromString("www.two.test.");
        zones.delete(www, Type.A);
        assertThat(zones.served(www, Type.A)).isEmpty();

        zones.revert(www, Type.A);
        assertThat(zones.served(www, Type.A)).extracting(Record::rdataToString).containsExactly("192.0.2.2");
    }

    private static ZoneIndex zone(ZoneSet set, Name origin) {
        return set.zones().stream().collect(Collectors.toMap(ZoneIndex::originName, Function.identity())).get(origin);
    }

    /** owner/type/ttl/rdata-hex of every record, names in RDATA with the case the file gave them. */
    private static List<String> wire(ZoneIndex zone) {
        return zone.records().stream().map(r -> r.getName() + "/" + r.getType() + "/" + r.getTTL() + "/"
                + HexFormat.of().formatHex(rdata(r))).toList();
    }

    private static byte[] rdata(Record r) {
        byte[] rr = r.toWire(org.xbill.DNS.Section.ANSWER);
        return java.util.Arrays.copyOfRange(rr, r.getName().length() + 10, rr.length);
    }
}
