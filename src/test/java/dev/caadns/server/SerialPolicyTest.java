package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.answer.ZoneSet;
import dev.caadns.config.OutsideZones;
import dev.caadns.zone.LoadOptions;
import dev.caadns.zone.SerialPolicy;
import dev.caadns.zone.ZoneIndex;
import dev.caadns.zone.ZoneLoader;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * What runtime changes do to a zone's SOA serial under each policy, how a reloaded file takes over,
 * and what a publish listener is told.
 */
class SerialPolicyTest {
    private static final Name ZONE = Name.fromConstantString("s.test.");
    private static final Name HOST = Name.fromConstantString("h.s.test.");
    private static final Name LAB = Name.fromConstantString("lab.example.");
    @TempDir
    Path dir;

    private ServedZones zones(SerialPolicy policy, long fileSerial) throws Exception {
        writeZone(fileSerial, "192.0.2.1");
        ZoneLoader loader = new ZoneLoader(LoadOptions.defaults(), List.of());
        ServedZones zones = new ServedZones(() -> loader.loadDirectory(dir), OutsideZones.REFUSED, policy);
        zones.load();
        return zones;
    }

    private void writeZone(long serial, String address) throws Exception {
        Files.writeString(dir.resolve("s.test.zone"), "$TTL 300\n@ SOA ns hostmaster " + serial
                + " 3600 600 86400 300\n@ NS ns\nns A " + address + "\n");
    }

    private static void setA(ServedZones zones, Name owner, String address) throws Exception {
        zones.replace(owner, Type.A, List.of(new ARecord(owner, DClass.IN, 60, InetAddress.getByName(address))));
    }

    private static long serial(ServedZones zones, Name origin) {
        return zones.get().zones().stream().filter(z -> z.originName().equals(origin)).findFirst()
                .map(ZoneIndex::serial).orElseThrow();
    }

    @Test
    void incrementAddsOnePerChangeAndARevertIsAChangeToo() throws Exception {
        ServedZones zones = zones(SerialPolicy.INCREMENT, 10);
        setA(zones, HOST, "192.0.2.7");
        assertThat(serial(zones, ZONE)).isEqualTo(11);
        setA(zones, HOST, "192.0.2.8");
        assertThat(serial(zones, ZONE)).isEqualTo(12);
        zones.revert(HOST, Type.A);
        assertThat(serial(zones, ZONE)).isEqualTo(13);
        zones.clearOverlay();
        assertThat(serial(zones, ZONE)).isEqualTo(13); // nothing was left to clear
    }

    @Test
    void incrementWrapsAtTheTopOfTheSerialSpace() throws Exception {
        ServedZones zones = zones(SerialPolicy.INCREMENT, 4294967295L);
        setA(zones, HOST, "192.0.2.7");
        assertThat(serial(zones, ZONE)).isZero();
    }

    @Test
    void aReloadedFileWithALaterSerialTakesOverAndAnUnchangedOneDoesNot() throws Exception {
        ServedZones zones = zones(SerialPolicy.INCREMENT, 10);
        setA(zones, HOST, "192.0.2.7");
        setA(zones, HOST, "192.0.2.8");
        zones.load();
        assertThat(serial(zones, ZONE)).isEqualTo(12);

        writeZone(50, "192.0.2.2");
        zones.load();
        assertThat(serial(zones, ZONE)).isEqualTo(50);
        assertThat(zones.served(HOST, Type.A)).hasSize(1); // the overlay survives the reload
        setA(zones, HOST, "192.0.2.9");
        assertThat(serial(zones, ZONE)).isEqualTo(51);
    }

    @Test
    void unixtimeJumpsToTheClock() throws Exception {
        ServedZones zones = zones(SerialPolicy.UNIXTIME, 10);
        long before = System.currentTimeMillis() / 1000;
        setA(zones, HOST, "192.0.2.7");
        assertThat(serial(zones, ZONE)).isBetween(before, System.currentTimeMillis() / 1000);
    }

    @Test
    void keepServesTheChangeUnderTheOldSerial() throws Exception {
        ServedZones zones = zones(SerialPolicy.KEEP, 10);
        setA(zones, HOST, "192.0.2.7");
        assertThat(serial(zones, ZONE)).isEqualTo(10);
        assertThat(zones.served(HOST, Type.A)).hasSize(1);
    }

    @Test
    void implicitLabZonesCountTheirChanges() throws Exception {
        ServedZones zones = zones(SerialPolicy.INCREMENT, 10);
        setA(zones, LAB, "192.0.2.7");
        Name example = Name.fromConstantString("example.");
        assertThat(serial(zones, example)).isEqualTo(1);
        setA(zones, LAB, "192.0.2.8");
        assertThat(serial(zones, example)).isEqualTo(2);
        assertThat(serial(zones, ZONE)).isEqualTo(10);
    }

    @Test
    void listenersHearOfEveryVersionBeforeQueriesSeeIt() throws Exception {
        ServedZones zones = zones(SerialPolicy.INCREMENT, 10);
        List<Long> heard = new ArrayList<>();
        List<Long> servedWhenHeard = new ArrayList<>();
        zones.listen((previous, next) -> {
            heard.add(serialIn(next));
            servedWhenHeard.add(previous == null ? -1 : serialIn(zones.get()));
        });
        setA(zones, HOST, "192.0.2.7");

        assertThat(heard).containsExactly(10L, 11L);
        assertThat(servedWhenHeard).containsExactly(-1L, 10L);
    }

    private static long serialIn(ZoneSet set) {
        return set.zones().stream().filter(z -> z.originName().equals(ZONE)).findFirst().orElseThrow().serial();
    }
}
