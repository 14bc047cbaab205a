package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.TXTRecord;

/** The zone's one RRset array: sets appended, equal policy-like sets (TTL included) stored once. */
class RRsetDataTest {

    private static final Name OWNER = Fixtures.name("a.lab.test.");

    /** One RRset per record of the store, in store order. */
    private static List<RRset> addEach(RecordStore store, RRsetData data) {
        List<RRset> sets = new ArrayList<>();
        for (int i = 0; i < store.size(); i++) {
            sets.add(data.add(store.owner(i), store, new int[] {i}, 0, 1));
        }
        return sets;
    }

    private static RecordStore store(org.xbill.DNS.Record... records) {
        RecordStore store = new RecordStore();
        for (org.xbill.DNS.Record r : records) {
            store.add(r, "t", 1, "");
        }
        return store;
    }

    private static CAARecord caa(long ttl, String value) {
        return new CAARecord(OWNER, DClass.IN, ttl, 0, "issue", value);
    }

    @Test
    void equalCaaSetsShareOnePlaceAndATtlOrValueApartDoesNot() throws Exception {
        RecordStore store = store(caa(300, "ca.example"), caa(300, "ca.example"), caa(60, "ca.example"),
                caa(300, "other.example"));
        RRsetData data = new RRsetData(0);
        List<RRset> sets = addEach(store, data);
        byte[] array = data.finish();
        sets.forEach(s -> s.moveTo(array));

        assertThat(sets.get(0).sharesRecords(sets.get(1))).isTrue();
        assertThat(sets.get(0).sharesRecords(sets.get(2))).isFalse();
        assertThat(sets.get(0).sharesRecords(sets.get(3))).isFalse();
        assertThat(sets.get(2).ttl()).isEqualTo(60);
        // header (8) + RDLENGTH (2) + CAA rdata, three times: the shared one is not stored twice
        int one = 8 + 2 + store.rdataLength(0);
        int other = 8 + 2 + store.rdataLength(3);
        assertThat(array).hasSize(2 * one + other);
    }

    @Test
    void addressSetsAreNeverShared() throws Exception {
        java.net.InetAddress address = java.net.InetAddress.getByName("192.0.2.1");
        RecordStore store = store(new ARecord(OWNER, DClass.IN, 300, address),
                new ARecord(Fixtures.name("b.lab.test."), DClass.IN, 300, address));
        RRsetData data = new RRsetData(0);
        List<RRset> sets = addEach(store, data);

        assertThat(sets.get(0).sharesRecords(sets.get(1))).isFalse();
        assertThat(data.finish()).hasSize(2 * (8 + 2 + 4));
    }

    @Test
    void manyDistinctPoliciesEachFindTheirTwinAsTheTableAndTheArrayGrow() throws Exception {
        List<org.xbill.DNS.Record> records = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            records.add(new TXTRecord(OWNER, DClass.IN, 300, "policy " + i));
        }
        for (int i = 0; i < 500; i++) {
            records.add(new TXTRecord(OWNER, DClass.IN, 300, "policy " + i));
        }
        RecordStore store = store(records.toArray(new org.xbill.DNS.Record[0]));
        RRsetData data = new RRsetData(0);
        List<RRset> sets = addEach(store, data);
        byte[] array = data.finish();
        sets.forEach(s -> s.moveTo(array));

        for (int i = 0; i < 500; i++) {
            assertThat(sets.get(500 + i).sharesRecords(sets.get(i))).as("policy %d", i).isTrue();
            assertThat(sets.get(i).rdata(0)).isEqualTo(store.rdata(i));
            for (int j = i + 1; j < Math.min(500, i + 5); j++) {
                assertThat(sets.get(i).sharesRecords(sets.get(j))).isFalse();
            }
        }
    }
}
