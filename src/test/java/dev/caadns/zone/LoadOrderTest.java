package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Type;

/** Where each indexed record was in the store, found by its RRset: by node slot, then chain order. */
class LoadOrderTest {

    /** Owner, type, rdata: record i of the store is line i + 1 of file "f". */
    private static final String[][] RECORDS = {
        {"lab.test.", "SOA", "ns hostmaster 1 2 3 4 5"}, {"lab.test.", "NS", "ns"},
        {"b", "TXT", "\"second\""}, {"a", "A", "192.0.2.1"}, {"b", "A", "192.0.2.2"},
        {"x.y.a", "A", "192.0.2.3"}, {"b", "TXT", "\"first\""}, {"ns", "A", "192.0.2.4"},
    };

    private static RecordStore store() throws Exception {
        org.xbill.DNS.Name origin = Fixtures.name("lab.test.");
        RecordStore store = new RecordStore();
        for (int i = 0; i < RECORDS.length; i++) {
            String[] r = RECORDS[i];
            store.add(org.xbill.DNS.Record.fromString(org.xbill.DNS.Name.fromString(r[0], origin),
                    Type.value(r[1]), org.xbill.DNS.DClass.IN, 300, r[2], origin), "f", i + 1, "");
        }
        return store;
    }

    private RRset set(String name, int type) {
        byte[] wire = WireName.lower(Fixtures.name(name));
        return index.find(wire, 0, wire.length).get(type);
    }

    private final LoadOrder order;
    private final ZoneIndex index;

    LoadOrderTest() throws Exception {
        RecordStore store = store();
        order = new LoadOrder(store.size());
        index = ZoneIndex.build(Fixtures.name("lab.test."), store, order);
    }

    @Test
    void eachRecordOfEachSetMapsBackToItsPlaceInTheStore() {

        RRset txt = set("b.lab.test.", Type.TXT);
        assertThat(order.record(txt, 0)).isEqualTo(2);
        assertThat(order.record(txt, 1)).isEqualTo(6);
        assertThat(order.record(set("b.lab.test.", Type.A), 0)).isEqualTo(4);
        assertThat(order.record(set("a.lab.test.", Type.A), 0)).isEqualTo(3);
        assertThat(order.record(set("x.y.a.lab.test.", Type.A), 0)).isEqualTo(5);
        assertThat(order.record(set("lab.test.", Type.SOA), 0)).isZero();
        assertThat(order.record(set("lab.test.", Type.NS), 0)).isEqualTo(1);
        assertThat(order.record(set("ns.lab.test.", Type.A), 0)).isEqualTo(7);
    }

    @Test
    void aSetNotOfTheIndexOrARecordPastItsEndIsRefused() {
        RRset txt = set("b.lab.test.", Type.TXT);
        RRset stranger = new RRset(txt.owner(), Type.TXT, 300, new byte[][] {txt.rdata(0)});
        RRset emptyNonTerminal = new RRset(WireName.lower(Fixtures.name("y.a.lab.test.")), Type.A, 300,
                new byte[][] {{1, 2, 3, 4}});

        assertThatThrownBy(() -> order.record(stranger, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> order.record(txt, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> order.record(emptyNonTerminal, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(index.nameCount()).isEqualTo(6); // y.a is an empty non-terminal
    }
}
