package dev.caadns.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.SourcedRecord;
import dev.caadns.zone.ZoneIndex;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class ZoneHistoryTest {
    static final Name ORIGIN = Name.fromConstantString("h.test.");

    private static ZoneVersion version(long serial, String address) throws Exception {
        ZoneIndex index = zone(serial, address);
        return new ZoneVersion(index, index);
    }

    /** The zone h.test. with that SOA serial and www A address. */
    static ZoneIndex zone(long serial, String address) throws Exception {
        List<SourcedRecord> records = new ArrayList<>();
        for (String[] r : List.of(new String[] {"@", "SOA", "ns hostmaster " + serial + " 3600 600 86400 300"},
                new String[] {"@", "NS", "ns"}, new String[] {"ns", "A", "127.0.0.1"},
                new String[] {"www", "A", address})) {
            Record record = Record.fromString(Name.fromString(r[0], ORIGIN), Type.value(r[1]), DClass.IN, 300,
                    r[2], ORIGIN);
            records.add(new SourcedRecord(record, "h.test.zone", records.size() + 1, ""));
        }
        return new LoadedZone(ORIGIN, Path.of("h.test.zone"), records, List.of(), 0).index();
    }

    @Test
    void dataChangedUnderTheSameSerialFoldsIntoTheDifferenceThatLedToIt() throws Exception {
        ZoneHistory history = ZoneHistory.of(version(100, "192.0.2.1"))
                .next(version(101, "192.0.2.2"), 10)
                .next(version(101, "192.0.2.3"), 10);

        assertThat(history.depth()).isEqualTo(1);
        Diff diff = Diff.condense(history.since(100));
        assertThat(diff.fromSerial()).isEqualTo(100);
        assertThat(diff.toSerial()).isEqualTo(101);
        assertThat(diff.removed()).extracting(r -> rdataText(r)).containsExactly("192.0.2.1");
        assertThat(diff.added()).extracting(r -> rdataText(r)).containsExactly("192.0.2.3");
    }

    @Test
    void theSameSerialAndDataChangeNothingAndASerialThatWentBackStartsAgain() throws Exception {
        ZoneHistory history = ZoneHistory.of(version(100, "192.0.2.1")).next(version(101, "192.0.2.2"), 10);

        assertThat(history.next(version(101, "192.0.2.2"), 10).since(100)).hasSize(1);
        ZoneHistory back = history.next(version(99, "192.0.2.5"), 10);
        assertThat(back.depth()).isZero();
        assertThat(back.since(100)).isNull();
    }

    @Test
    void dataChangedUnderTheFirstSerialStartsAgain() throws Exception {
        ZoneHistory history = ZoneHistory.of(version(100, "192.0.2.1")).next(version(100, "192.0.2.2"), 10);

        assertThat(history.depth()).isZero();
        assertThat(history.current().serial()).isEqualTo(100);
    }

    private static String rdataText(Rr r) {
        byte[] a = r.rdata();
        return (a[0] & 0xff) + "." + (a[1] & 0xff) + "." + (a[2] & 0xff) + "." + (a[3] & 0xff);
    }
}
