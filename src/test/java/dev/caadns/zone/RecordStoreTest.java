package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/** Owners keep the case they were written in, while records of one name share one node. */
class RecordStoreTest {

    private static final byte[] RDATA = {10, 0, 0, 1};

    @Test
    void ownersKeepTheirSpellingAndShareTheirNode() {
        RecordStore store = new RecordStore();
        String[] owners = {"Www.Example.", "www.example.", "www.example.", "WWW.example.", "Www.Example.",
            "mail.example.", "MAIL.example.", "www.example."};
        for (int i = 0; i < owners.length; i++) {
            add(store, owners[i], i + 1);
        }

        assertThat(store.nodeCount()).isEqualTo(2);
        for (int i = 0; i < owners.length; i++) {
            assertThat(store.ownerName(i).toString()).as("record %d", i).isEqualTo(owners[i]);
            assertThat(store.line(i)).isEqualTo(i + 1);
        }
        int www = store.node(0);
        assertThat(new int[] {store.node(1), store.node(2), store.node(3), store.node(4), store.node(7)})
                .containsOnly(www);
        assertThat(store.node(6)).isEqualTo(store.node(5)).isNotEqualTo(www);
        assertThat(WireName.toName(store.nodeName(www)).toString()).isEqualTo("www.example.");
        byte[] upper = WireName.asWritten(Fixtures.name("WWW.EXAMPLE."));
        assertThat(store.findNode(upper, 0, upper.length)).isEqualTo(www);
    }

    @Test
    void spellingsSurviveKeepingPlacesOnly() {
        RecordStore store = new RecordStore(4);
        for (int i = 0; i < 100; i++) {
            add(store, (i % 3 == 0 ? "H" : "h") + (i / 2) + ".example.", i);
        }
        store.keepPlacesOnly();

        for (int i = 0; i < 100; i++) {
            assertThat(store.ownerName(i).toString()).isEqualTo((i % 3 == 0 ? "H" : "h") + (i / 2) + ".example.");
            assertThat(store.file(i)).isEqualTo("z.zone");
        }
        assertThat(store.nodeCount()).isEqualTo(50);
    }

    @Test
    void recordsAddedAfterALookupJoinTheirNodes() {
        RecordStore store = new RecordStore();
        add(store, "a.example.", 1);
        add(store, "b.example.", 2);
        assertThat(store.nodeCount()).isEqualTo(2);

        add(store, "B.example.", 3);
        add(store, "c.example.", 4);
        add(store, "a.example.", 5);

        assertThat(store.nodeCount()).isEqualTo(3);
        assertThat(store.node(2)).isEqualTo(store.node(1));
        assertThat(store.node(4)).isEqualTo(store.node(0)).isZero();
        assertThat(store.node(3)).isEqualTo(2);
        assertThat(store.ownerName(2).toString()).isEqualTo("B.example.");
        RecordStore.Groups groups = store.byNode();
        assertThat(groups.size(0)).isEqualTo(2);
        assertThat(groups.size(1)).isEqualTo(2);
    }

    @Test
    void repeatedRdataIsStoredOnceAndEveryRecordReadsItsOwn() {
        RecordStore store = new RecordStore(16);
        byte[][] values = new byte[3000][];
        java.util.Random random = new java.util.Random(7);
        for (int i = 0; i < values.length; i++) {
            // a few policies repeated, some distinct ones, lengths around the shortest shared one
            int kind = random.nextInt(4);
            String text = kind == 0 ? "0 issue ca" + random.nextInt(3) : kind == 1 ? "policy-" + i
                    : kind == 2 ? "1234567" : "12345678";
            values[i] = text.getBytes(StandardCharsets.ISO_8859_1);
            byte[] buffer = new byte[values[i].length + 5];
            System.arraycopy(values[i], 0, buffer, 2, values[i].length);
            byte[] owner = WireName.asWritten(Name.fromConstantString("h" + i + ".example."));
            store.add(owner, 0, owner.length, Type.TXT, 1, 300, buffer, 2, values[i].length, "z.zone", i + 1, "");
        }

        java.util.Set<Integer> sharedStarts = new java.util.HashSet<>();
        int shared = 0;
        for (int i = 0; i < values.length; i++) {
            assertThat(store.rdata(i)).as("record %d", i).isEqualTo(values[i]);
            assertThat(store.rdataLength(i)).isEqualTo(values[i].length);
            if (values[i][0] == '0' || values[i].length == 8 && values[i][0] == '1') {
                sharedStarts.add(store.rdataStart(i));
                shared++;
            }
        }
        // ~1,500 records of 4 values: each stored again only when a distinct value took its slot
        assertThat(shared).isGreaterThan(1000);
        assertThat(sharedStarts).hasSizeBetween(4, 20);
        int first = java.util.stream.IntStream.range(0, values.length)
                .filter(i -> values[i].length == 8 && values[i][0] == '1').findFirst().orElseThrow();
        int later = java.util.stream.IntStream.range(first + 1, values.length)
                .filter(i -> values[i].length == 8 && values[i][0] == '1').findFirst().orElseThrow();
        assertThat(store.rdataStart(later)).isEqualTo(store.rdataStart(first));
        assertThat(store.rdataEquals(first, later)).isTrue();
        assertThat(store.rdataEquals(first, 0)).isEqualTo(java.util.Arrays.equals(values[first], values[0]));
    }

    private static void add(RecordStore store, String owner, int line) {
        byte[] wire = WireName.asWritten(Name.fromConstantString(owner));
        // the owner in a larger buffer, as the fast reader hands it over
        byte[] buffer = new byte[wire.length + 7];
        System.arraycopy(wire, 0, buffer, 3, wire.length);
        store.add(buffer, 3, wire.length, Type.A, 1, 300, RDATA, 0, RDATA.length, "z.zone", line, "");
        assertThat(new String(store.owner(store.size() - 1), StandardCharsets.ISO_8859_1))
                .isEqualTo(new String(wire, StandardCharsets.ISO_8859_1));
    }
}
