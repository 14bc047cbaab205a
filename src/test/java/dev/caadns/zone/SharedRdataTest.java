package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Type;

/** The index built by a load: shared policy bytes, lowercase names stored once, load places kept. */
class SharedRdataTest {

    @TempDir
    Path dir;

    private LoadedZone load(String text) throws IOException {
        Path file = dir.resolve("lab.test.zone");
        Files.writeString(file, "$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\n" + text);
        return new ZoneLoader(LoadOptions.defaults(), List.of()).load(file, null);
    }

    private static Node node(ZoneIndex index, String name) {
        byte[] wire = WireName.lower(Fixtures.name(name));
        return index.find(wire, 0, wire.length);
    }

    @Test
    void equalCaaSetsShareTheirBytesAndOthersDoNot() throws IOException {
        ZoneIndex index = load("a CAA 0 issue \"ca.example\"\nb CAA 0 issue \"ca.example\"\n"
                + "c CAA 0 issue \"other.example\"\na A 192.0.2.7\nb A 192.0.2.7\n").index();

        RRset a = node(index, "a.lab.test.").get(Type.CAA);
        RRset b = node(index, "b.lab.test.").get(Type.CAA);
        RRset c = node(index, "c.lab.test.").get(Type.CAA);
        assertThat(a.sharesRecords(b)).isTrue();
        assertThat(a).isNotSameAs(b);
        assertThat(c.sharesRecords(a)).isFalse();
        // one array for the zone: the A sets too, each in its own place
        RRset aA = node(index, "a.lab.test.").get(Type.A);
        RRset bA = node(index, "b.lab.test.").get(Type.A);
        assertThat(aA.data()).isSameAs(a.data()).isSameAs(c.data());
        assertThat(aA.sharesRecords(bA)).isFalse();
        assertThat(node(index, "a.lab.test.").get(Type.A).rdata(0))
                .isEqualTo(node(index, "b.lab.test.").get(Type.A).rdata(0));
    }

    @Test
    void aSetIsItsTtlAndEachRecordsLengthAndRdataInOneArray() throws IOException {
        ZoneIndex index = load("t 60 TXT \"one\"\nt 60 TXT \"three\"\nt A 192.0.2.9\n").index();

        Node t = node(index, "t.lab.test.");
        RRset txt = t.get(Type.TXT);
        assertThat(java.util.Arrays.copyOfRange(txt.data(), txt.firstRecord() - 8, txt.end()))
                .containsExactly(0, 0, 0, 60, 0, 0, 0, 14, 0, 4, 3, 'o', 'n', 'e', 0, 6, 5, 't', 'h', 'r', 'e', 'e');
        assertThat(txt.size()).isEqualTo(2);
        assertThat(txt.ttl()).isEqualTo(60);
        assertThat(txt.rdata(1)).containsExactly(5, 't', 'h', 'r', 'e', 'e');
        // the node's sets chain in type order: A (1), then TXT (16)
        assertThat(t.firstRRset().type()).isEqualTo(Type.A);
        assertThat(t.firstRRset().next()).isSameAs(txt);
        assertThat(txt.next()).isNull();
        assertThat(t.rrsets()).containsExactly(t.get(Type.A), txt);
    }

    @Test
    void nodesKnowTheirCutWildcardAndDelegation() throws IOException {
        ZoneIndex index = load("sub NS ns.sub\nsub NS ns.deep.sub\nns.sub A 192.0.2.10\nns.deep.sub A 192.0.2.11\n"
                + "*.w A 192.0.2.12\nplain A 192.0.2.13\n").index();

        Node sub = node(index, "sub.lab.test.");
        assertThat(sub.isDelegation()).isTrue();
        assertThat(sub.cut()).isNull();
        for (String below : new String[] {"ns.sub.lab.test.", "deep.sub.lab.test.", "ns.deep.sub.lab.test."}) {
            assertThat(node(index, below).cut()).as(below).isSameAs(sub);
            assertThat(node(index, below).isDelegation()).as(below).isFalse();
        }
        assertThat(node(index, "w.lab.test.").wildcard()).isSameAs(node(index, "*.w.lab.test."));
        Node plain = node(index, "plain.lab.test.");
        assertThat(plain.cut()).isNull();
        assertThat(plain.wildcard()).isNull();
        assertThat(plain.isDelegation()).isFalse();
        assertThat(index.apex().isDelegation()).isFalse();
    }

    @Test
    void aLowercaseOwnerIsStoredOnceAndAnUppercaseOneKeepsItsCase() throws IOException {
        ZoneIndex index = load("www A 192.0.2.2\nMail A 192.0.2.3\n").index();

        Node www = node(index, "www.lab.test.");
        Node mail = node(index, "mail.lab.test.");
        assertThat(www.owner()).isSameAs(www.name());
        assertThat(WireName.toName(mail.owner()).toString()).isEqualTo("Mail.lab.test.");
        assertThat(WireName.toName(mail.name()).toString()).isEqualTo("mail.lab.test.");
    }

    @Test
    void eachIndexedRecordKnowsItsFileLineAndComment() throws IOException {
        LoadedZone zone = load("t TXT \"one\" ; first\nt TXT \"two\"\n");
        RRset txt = node(zone.index(), "t.lab.test.").get(Type.TXT);

        assertThat(zone.line(txt, 0)).isEqualTo(5);
        assertThat(zone.comment(txt, 0)).isEqualTo("first");
        assertThat(zone.line(txt, 1)).isEqualTo(6);
        assertThat(zone.comment(txt, 1)).isEmpty();
        assertThat(zone.ordinal(txt, 1)).isGreaterThan(zone.ordinal(txt, 0));
        assertThat(zone.index().serial()).isEqualTo(1);
        assertThat(zone.recordCount()).isEqualTo(5);
    }
}
