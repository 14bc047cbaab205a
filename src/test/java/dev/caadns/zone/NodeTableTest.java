package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The index's name table and its builder: presized, nodes and tags kept in the order added, one probe per name. */
class NodeTableTest {

    private static byte[] wire(String name) {
        return WireName.lower(Fixtures.name(name));
    }

    @Test
    void findsEachNodeInAnyCaseAndInASliceOfABuffer() {
        NodeTable.Builder builder = new NodeTable.Builder(2);
        Node a = new Node(wire("a.lab.test."));
        Node b = new Node(wire("b.lab.test."));
        builder.add(a, 7);
        builder.add(b, -1);
        NodeTable table = builder.build();

        assertThat(table.size()).isEqualTo(2);
        assertThat(table.get(wire("a.lab.test."))).isSameAs(a);
        byte[] query = new byte[3 + 12];
        System.arraycopy(WireName.asWritten(Fixtures.name("B.Lab.TEST.")), 0, query, 3, 12);
        assertThat(table.get(query, 3, 12)).isSameAs(b);
        assertThat(table.get(wire("c.lab.test."))).isNull();
        assertThat(table.place(wire("c.lab.test."), 0, 12)).isEqualTo(-1);
    }

    @Test
    void tagsStayWithTheirNodesWhenTheTableGrowsPastWhatWasExpected() {
        NodeTable.Builder builder = new NodeTable.Builder(1);
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Node node = new Node(wire("h" + i + ".lab.test."));
            nodes.add(node);
            builder.add(node, i * 3);
        }
        int[] tags = builder.tags();
        NodeTable table = builder.build();

        assertThat(table.size()).isEqualTo(1000);
        List<Node> walked = new ArrayList<>();
        table.forEach(walked::add);
        assertThat(walked).as("in the order added").containsExactlyElementsOf(nodes);
        for (int i = 0; i < 1000; i++) {
            byte[] name = nodes.get(i).name();
            int place = table.place(name, 0, name.length);
            assertThat(place).isEqualTo(i);
            assertThat(table.at(place)).isSameAs(nodes.get(i));
            assertThat(table.get(name)).isSameAs(nodes.get(i));
            assertThat(tags[place]).as("tag of h%d", i).isEqualTo(i * 3);
        }
    }

    @Test
    void aTableSizedForItsNodesIsNotRegrown() {
        NodeTable.Builder builder = new NodeTable.Builder(1 << 10);
        int[] tagsBefore = builder.tags();
        for (int i = 0; i < 1 << 10; i++) {
            builder.add(new Node(wire("n" + i + ".lab.test.")), i);
        }
        assertThat(builder.tags()).isSameAs(tagsBefore);
        assertThat(builder.build().size()).isEqualTo(1 << 10);
    }

    @Test
    void getOrAddMakesANodeOnceAndFindsTheOneAlreadyThere() {
        NodeTable.Builder builder = new NodeTable.Builder(4);
        Node owner = new Node(wire("x.lab.test."));
        builder.add(owner, 0);

        assertThat(builder.getOrAdd(wire("x.lab.test."))).isSameAs(owner);
        assertThat(builder.size()).isEqualTo(1);
        Node made = builder.getOrAdd(wire("lab.test."));
        assertThat(builder.getOrAdd(wire("lab.test."))).isSameAs(made);
        assertThat(builder.size()).isEqualTo(2);
        int[] tags = builder.tags();
        NodeTable table = builder.build();
        assertThat(table.size()).isEqualTo(2);
        assertThat(tags[table.place(made.name(), 0, made.name().length)]).isEqualTo(-1);
    }

    @Test
    void aNameAddedTwiceIsRefused() {
        NodeTable.Builder builder = new NodeTable.Builder(4);
        builder.add(new Node(wire("x.lab.test.")), 0);

        assertThatThrownBy(() -> builder.add(new Node(wire("x.lab.test.")), 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
