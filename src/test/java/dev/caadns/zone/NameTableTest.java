package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The map from lowercase wire names to values: found in any letter case, in a slice of a buffer. */
class NameTableTest {

    private static byte[] wire(String name) {
        return WireName.lower(Fixtures.name(name));
    }

    @Test
    void findsAValueByANameInAnyLetterCaseInsideALargerBuffer() {
        NameTable<String> table = new NameTable.Builder<String>()
                .put(wire("shop.lab.test."), "shop")
                .put(wire("lab.test."), "apex")
                .build();

        byte[] query = new byte[5 + 15];
        System.arraycopy(WireName.asWritten(Fixtures.name("ShOP.LAB.test.")), 0, query, 5, 15);
        assertThat(table.get(query, 5, 15)).isEqualTo("shop");
        assertThat(table.get(query, 10, 10)).as("the suffix lab.test.").isEqualTo("apex");
        assertThat(table.get(wire("shop.lab.tes."))).as("same length, one letter off").isNull();
        assertThat(table.get(wire("x.shop.lab.test."))).isNull();
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void aSecondPutReplacesTheValueAndKeepsOneEntry() {
        NameTable<String> table = new NameTable.Builder<String>()
                .put(wire("a.lab.test."), "first")
                .put(wire("a.lab.test."), "second")
                .build();

        assertThat(table.size()).isEqualTo(1);
        assertThat(table.get(WireName.asWritten(Fixtures.name("A.Lab.Test.")))).isEqualTo("second");
    }

    @Test
    void keepsEveryEntryWhenItGrowsPastItsFirstSlots() {
        NameTable.Builder<Integer> builder = new NameTable.Builder<>();
        for (int i = 0; i < 500; i++) {
            builder.put(wire("h" + i + ".lab.test."), i);
        }
        NameTable<Integer> table = builder.build();

        assertThat(table.size()).isEqualTo(500);
        for (int i = 0; i < 500; i++) {
            assertThat(table.get(WireName.asWritten(Fixtures.name("H" + i + ".LAB.TEST.")))).as("h%d", i).isEqualTo(i);
        }
        assertThat(table.get(wire("h500.lab.test."))).isNull();
    }

    @Test
    void aBuiltTableDoesNotSeeLaterPutsToItsBuilder() {
        NameTable.Builder<String> builder = new NameTable.Builder<String>().put(wire("a.lab.test."), "a");
        NameTable<String> table = builder.build();
        builder.put(wire("b.lab.test."), "b");

        assertThat(table.get(wire("b.lab.test."))).isNull();
        assertThat(table.size()).isEqualTo(1);
    }
}
