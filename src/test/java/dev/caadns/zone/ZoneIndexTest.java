package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** The index's tree as the build links it: empty non-terminals, cuts, DNAMEs and wildcards. */
class ZoneIndexTest {

    private static ZoneIndex index(String origin, String... lines) throws Exception {
        Name apex = Fixtures.name(origin);
        List<Record> records = new ArrayList<>();
        records.add(Record.fromString(apex, Type.SOA, 1, 300, "ns hostmaster 1 2 3 4 5", apex));
        for (String line : lines) {
            String[] w = line.split(" ", 3);
            records.add(Record.fromString(Name.fromString(w[0], apex), Type.value(w[1]), 1, 300, w[2], apex));
        }
        return ZoneIndex.of(apex, records);
    }

    private static Node node(ZoneIndex index, String name) {
        byte[] wire = WireName.lower(Fixtures.name(name));
        return index.find(wire, 0, wire.length);
    }

    @Test
    void aWildcardIsLinkedToItsParentInAZoneWithoutCuts() throws Exception {
        ZoneIndex index = index("lab.test.", "*.w A 192.0.2.1", "* A 192.0.2.2", "a.b.c A 192.0.2.3");

        assertThat(node(index, "w.lab.test.").wildcard()).isSameAs(node(index, "*.w.lab.test."));
        assertThat(index.apex().wildcard()).isSameAs(node(index, "*.lab.test."));
        assertThat(node(index, "w.lab.test.").isEmptyNonTerminal()).isTrue();
        assertThat(node(index, "b.c.lab.test.").isEmptyNonTerminal()).isTrue();
        assertThat(node(index, "c.lab.test.").isEmptyNonTerminal()).isTrue();
        assertThat(node(index, "a.b.c.lab.test.").cut()).isNull();
        assertThat(index.nameCount()).isEqualTo(7);
    }

    @Test
    void aWildcardThatIsAnEmptyNonTerminalIsLinkedToo() throws Exception {
        ZoneIndex index = index("lab.test.", "a.*.w A 192.0.2.1");

        Node star = node(index, "*.w.lab.test.");
        assertThat(star.isEmptyNonTerminal()).isTrue();
        assertThat(node(index, "w.lab.test.").wildcard()).isSameAs(star);
        assertThat(index.apex().wildcard()).isNull();
    }

    @Test
    void aDnameAtTheApexIsTheCutOfEveryNameBelowIt() throws Exception {
        ZoneIndex index = index("lab.test.", "@ DNAME other.test.", "x.y A 192.0.2.1");

        assertThat(node(index, "x.y.lab.test.").cut()).isSameAs(index.apex());
        assertThat(node(index, "y.lab.test.").cut()).isSameAs(index.apex());
        assertThat(index.apex().cut()).isNull();
    }

    @Test
    void namesBelowADelegationPointAtTheTopmostCut() throws Exception {
        ZoneIndex index = index("lab.test.", "sub NS ns.sub", "ns.sub A 192.0.2.1", "deeper.sub NS ns.sub",
                "*.deeper.sub A 192.0.2.2");

        Node sub = node(index, "sub.lab.test.");
        assertThat(sub.isDelegation()).isTrue();
        assertThat(node(index, "deeper.sub.lab.test.").cut()).isSameAs(sub);
        assertThat(node(index, "*.deeper.sub.lab.test.").cut()).isSameAs(sub);
        assertThat(node(index, "deeper.sub.lab.test.").wildcard()).isSameAs(node(index, "*.deeper.sub.lab.test."));
    }

    @Test
    void aZoneWhoseApexIsAWildcardNameIndexesItsApexAsAnyOther() throws Exception {
        ZoneIndex index = index("*.lab.test.", "www A 192.0.2.1");

        assertThat(index.apex().name()).isEqualTo(WireName.lower(Fixtures.name("*.lab.test.")));
        assertThat(node(index, "www.*.lab.test.").get(Type.A)).isNotNull();
        assertThat(index.nameCount()).isEqualTo(2);
    }

    @Test
    void theApexIsSpelledAsTheZonesNameAndOtherNodesAsTheirFirstRecord() throws Exception {
        Name apex = Fixtures.name("Lab.Test.");
        List<Record> records = List.of(
                Record.fromString(apex, Type.SOA, 1, 300, "ns hostmaster 1 2 3 4 5", apex),
                Record.fromString(Fixtures.name("WWW.lab.test."), Type.A, 1, 300, "192.0.2.1", apex),
                Record.fromString(Fixtures.name("www.lab.test."), Type.TXT, 1, 300, "x", apex));
        ZoneIndex index = ZoneIndex.of(apex, records);

        assertThat(WireName.toName(index.apex().owner()).toString()).isEqualTo("Lab.Test.");
        assertThat(WireName.toName(node(index, "www.lab.test.").owner()).toString()).isEqualTo("WWW.lab.test.");
        assertThat(index.serial()).isEqualTo(1);
        assertThat(index.recordCount()).isEqualTo(3);
    }
}
