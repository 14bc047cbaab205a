package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.zone.Finding;
import dev.caadns.zone.LoadOptions;
import dev.caadns.zone.Severity;
import dev.caadns.zone.ZoneIndex;
import dev.caadns.zone.ZoneLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/** What a reload reports: what is served after it, a zone changed under the same serial, a zone file gone. */
class ReloadReportTest {
    private static final Name LAB = Name.fromConstantString("lab.test.");
    private static final String ZONE = """
            $ORIGIN lab.test.
            $TTL 300
            @   SOA ns hostmaster %d 3600 600 86400 300
            @   NS  ns
            ns  A   192.0.2.53
            www A   %s
            """;
    @TempDir
    Path dir;
    private ServedZones zones;

    @BeforeEach
    void load() throws Exception {
        Files.writeString(dir.resolve("test.zone"), """
                $ORIGIN test.
                $TTL 300
                @  SOA ns.lab.test. hostmaster.lab.test. 1 3600 600 86400 300
                @  NS  ns.lab.test.
                """);
        write(7, "192.0.2.80");
        ZoneLoader loader = new ZoneLoader(LoadOptions.defaults(), List.of());
        zones = new ServedZones(() -> loader.loadDirectory(dir));
        zones.load();
    }

    @Test
    void aReloadThatKeepsThePreviousVersionReportsWhatIsServed() throws Exception {
        Files.writeString(dir.resolve("lab.test.zone"), ZONE.formatted(8, "192.0.2.81")
                + "a A 192.0.2.1\nb A 192.0.2.2\nbroken TXT \"unclosed\n");

        ServedZones.ZoneStatus lab = status(zones.load(), LAB);

        assertThat(lab.keptPrevious()).isTrue();
        assertThat(lab.serial()).isEqualTo(7);
        assertThat(lab.records()).isEqualTo(4);
    }

    @Test
    void aZoneChangedWithoutASerialIncreaseIsServedWithAWarning() throws Exception {
        write(7, "192.0.2.99");

        ServedZones.ZoneStatus lab = status(zones.load(), LAB);

        assertThat(lab.served()).isTrue();
        assertThat(lab.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("Z-SERIAL-UNCHANGED");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(f.message()).contains("serial 7", "secondaries");
        });
    }

    @Test
    void aSerialThatGoesBackWarnsToo() throws Exception {
        write(6, "192.0.2.99");

        assertThat(status(zones.load(), LAB).findings()).extracting(Finding::code).containsExactly("Z-SERIAL-UNCHANGED");
    }

    @Test
    void aRaisedSerialOrAnUnchangedZoneReloadsQuietly() throws Exception {
        assertThat(status(zones.load(), LAB).findings()).isEmpty();
        write(8, "192.0.2.99");
        assertThat(status(zones.load(), LAB).findings()).isEmpty();
    }

    @Test
    void anUnchangedZoneKeepsTheVersionAlreadyServed() throws Exception {
        ZoneIndex before = served(LAB);

        zones.load();

        assertThat(served(LAB)).isSameAs(before);
    }

    @Test
    void aZoneRewrittenInAnotherLetterCaseUnderTheSameSerialIsANewVersionWithAWarning() throws Exception {
        ZoneIndex before = served(LAB);
        Files.writeString(dir.resolve("lab.test.zone"), ZONE.formatted(7, "192.0.2.80").replace("www", "WWW"));

        ServedZones.ZoneStatus lab = status(zones.load(), LAB);

        assertThat(served(LAB)).isNotSameAs(before);
        assertThat(lab.findings()).extracting(Finding::code).containsExactly("Z-SERIAL-UNCHANGED");
    }

    @Test
    void aDeletedZoneFileIsReportedWithWhatNowAnswers() throws Exception {
        Files.delete(dir.resolve("lab.test.zone"));

        ServedZones.ZoneStatus lab = status(zones.load(), LAB);

        assertThat(lab.served()).isFalse();
        assertThat(lab.keptPrevious()).isFalse();
        assertThat(lab.findings()).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo("Z-FILE-GONE");
            assertThat(f.message()).contains("lab.test.zone", "no longer served", "zone test.");
        });
        assertThat(zones.list()).extracting(z -> z.origin().toString()).containsExactly("test.");
    }

    private ZoneIndex served(Name origin) {
        return zones.get().zones().stream().filter(z -> z.originName().equals(origin)).findFirst().orElseThrow();
    }

    private void write(long serial, String address) throws Exception {
        Files.writeString(dir.resolve("lab.test.zone"), ZONE.formatted(serial, address));
    }

    private static ServedZones.ZoneStatus status(List<ServedZones.ZoneStatus> report, Name origin) {
        return report.stream().filter(z -> z.origin().equals(origin)).findFirst().orElseThrow();
    }
}
