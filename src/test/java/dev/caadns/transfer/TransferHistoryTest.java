package dev.caadns.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.answer.ZoneSet;
import dev.caadns.answer.ZoneSynthesis;
import dev.caadns.wire.Response;
import dev.caadns.zone.Node;
import dev.caadns.zone.RRset;
import dev.caadns.zone.ZoneIndex;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class TransferHistoryTest {
    /** Synthesizes a CAA record at www, counting how often the transfer side asks for its records. */
    private static final class CountingSynthesis implements ZoneSynthesis {
        int asked;

        @Override
        public RRset rrset(ZoneIndex zone, Node node, byte[] name, int off, int len, int type, Response response) {
            return null;
        }

        @Override
        public boolean exists(ZoneIndex zone, byte[] name, int off, int len) {
            return false;
        }

        @Override
        public List<Record> records(ZoneSet zones, ZoneIndex zone) {
            asked++;
            try {
                return List.of(Record.fromString(Name.fromString("www", ZoneHistoryTest.ORIGIN), Type.CAA, DClass.IN,
                        300, "0 issue \"ca.example\"", ZoneHistoryTest.ORIGIN));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Publishes h.test. at each serial in turn, as reloads would: each version published, then served. */
    private static void publish(TransferHistory history, long... serials) throws Exception {
        ZoneSet previous = new ZoneSet(List.of());
        for (long serial : serials) {
            ZoneSet next = version(serial);
            history.published(previous, next);
            history.served(next);
            previous = next;
        }
    }

    private static ZoneSet version(long serial) throws Exception {
        return new ZoneSet(List.of(ZoneHistoryTest.zone(serial, "192.0.2." + serial % 250)));
    }

    @Test
    void aNewSerialIsToldOnlyOnceQueriesSeeItAndOnlyOnce() throws Exception {
        List<Long> moved = new ArrayList<>();
        TransferHistory history = new TransferHistory(new CountingSynthesis(), 10, true, (zone, serial) -> moved.add(serial));
        publish(history, 100);
        ZoneSet next = version(101);

        history.published(version(100), next);
        assertThat(moved).as("before queries see serial 101, a secondary asking would read 100").isEmpty();
        assertThat(history.zone(ZoneHistoryTest.ORIGIN).current().serial()).as("but its transfer is ready").isEqualTo(101);
        history.served(next);
        history.served(next);
        assertThat(moved).containsExactly(101L);
    }

    @Test
    void aTransferableZoneCarriesWhatPluginsSynthesizeAndItsDifferences() throws Exception {
        CountingSynthesis synthesis = new CountingSynthesis();
        List<Long> moved = new ArrayList<>();
        TransferHistory history = new TransferHistory(synthesis, 10, true, (zone, serial) -> moved.add(serial));
        publish(history, 100, 101);

        ZoneHistory zone = history.zone(ZoneHistoryTest.ORIGIN);
        assertThat(synthesis.asked).isEqualTo(2);
        assertThat(zone.current().content()).isNotSameAs(zone.current().served());
        assertThat(zone.current().content().rrset(Name.fromString("www.h.test."), Type.CAA)).hasSize(1);
        assertThat(zone.depth()).isEqualTo(1);
        assertThat(moved).containsExactly(101L);
    }

    @Test
    void whenNobodyMayTransferNothingIsWrittenOutButSerialsAreStillTold() throws Exception {
        CountingSynthesis synthesis = new CountingSynthesis();
        List<Long> moved = new ArrayList<>();
        TransferHistory history = new TransferHistory(synthesis, 10, false, (zone, serial) -> moved.add(serial));
        publish(history, 100, 101);

        ZoneHistory zone = history.zone(ZoneHistoryTest.ORIGIN);
        assertThat(synthesis.asked).isZero();
        assertThat(zone.current().content()).isSameAs(zone.current().served());
        assertThat(zone.current().serial()).isEqualTo(101);
        assertThat(zone.depth()).isZero();
        assertThat(moved).containsExactly(101L); // secondaries are still told of new serials
    }
}
