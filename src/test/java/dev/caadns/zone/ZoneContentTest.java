package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Whether two indexes serve the same records, told from the indexes alone. */
class ZoneContentTest {
    private static final Name ORIGIN = Name.fromConstantString("lab.test.");
    private static final String ZONE = """
            @   300 IN SOA ns hostmaster 7 3600 600 86400 300
            @   300 IN NS  ns
            ns  300 IN A   192.0.2.53
            www 300 IN A   192.0.2.1
            www 300 IN A   192.0.2.2
            www 300 IN CAA 0 issue "ca.example"
            """;

    @TempDir
    Path dir;
    private int files;

    @Test
    void theSameRecordsInAnotherOrderAreTheSame() {
        List<String> lines = new java.util.ArrayList<>(ZONE.lines().toList());
        java.util.Collections.reverse(lines);

        assertThat(ZoneContent.same(index(ZONE), index(String.join("\n", lines)))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"192.0.2.2|192.0.2.3", "www 300 IN CAA|www 600 IN CAA", "www 300 IN A   192.0.2.1|WWW 300 IN A   192.0.2.1\nwww 300 IN A   192.0.2.1",
            "ns  300 IN A   192.0.2.53|ns  300 IN A   192.0.2.53\nns  300 IN AAAA 2001:db8::53", "www 300 IN CAA 0 issue \"ca.example\"|",
            "ns  300|NS  300"})
    void anyChangeOfOwnerCaseTtlRdataOrRecordsIsNotTheSame(String change) {
        String[] fromTo = change.split("\\|", -1);
        String changed = ZONE.replace(fromTo[0], fromTo[1]);
        assertThat(changed).isNotEqualTo(ZONE);

        assertThat(ZoneContent.same(index(ZONE), index(changed))).isFalse();
        assertThat(ZoneContent.same(index(changed), index(ZONE))).isFalse();
    }

    @Test
    void anEditReplacesDeletesAndAddsWholeRRsetsAndKeepsTheRest() {
        ZoneIndex edited = ZoneContent.edited(index(ZONE),
                Map.of(name("www.lab.test."), Set.of(Type.A, Type.CAA), name("NEW.lab.test."), Set.of(Type.A)),
                List.of(record("www.lab.test. 60 IN A 192.0.2.9"), record("new.lab.test. 300 IN TXT \"x\"")));

        assertThat(ZoneContent.same(edited, index("""
                @   300 IN SOA ns hostmaster 7 3600 600 86400 300
                @   300 IN NS  ns
                ns  300 IN A   192.0.2.53
                www 60  IN A   192.0.2.9
                new 300 IN TXT "x"
                """))).isTrue();
    }

    @Test
    void manyNamesWrittenInAnotherOrderSitInOtherSlotsAndAreStillTheSameOrNot() {
        StringBuilder names = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            names.append("h").append(i).append(" 300 IN A 192.0.2.").append(i % 250).append('\n');
        }
        List<String> reversed = new java.util.ArrayList<>(names.toString().lines().toList());
        java.util.Collections.reverse(reversed);
        String backwards = String.join("\n", reversed) + "\n";

        assertThat(ZoneContent.same(index(ZONE + names), index(ZONE + backwards))).isTrue();
        assertThat(ZoneContent.same(index(ZONE + names), index(ZONE + backwards.replace("h0 300 IN A 192.0.2.0",
                "h0 300 IN A 192.0.2.255")))).isFalse();
        assertThat(ZoneContent.same(index(ZONE + names), index(ZONE + names.toString().replace("h299 ", "h300 "))))
                .isFalse();
    }

    @Test
    void aNodeWhoseSetsAreChainedInAnotherOrderIsTheSameAndAnyDifferenceInItIsNot() {
        // the edit puts the TXT set in beside www's A and CAA; the file's index chains them by type
        ZoneIndex edited = ZoneContent.edited(index(ZONE), Map.of(name("www.lab.test."), Set.of(Type.TXT)),
                List.of(record("www.lab.test. 300 IN TXT \"x\"")));
        ZoneIndex file = index(ZONE + "www 300 IN TXT \"x\"\n");

        assertThat(ZoneContent.same(edited, file)).isTrue();
        assertThat(ZoneContent.same(file, edited)).isTrue();
        assertThat(ZoneContent.same(edited, index(ZONE + "www 300 IN TXT \"y\"\n"))).isFalse();
        assertThat(ZoneContent.same(index(ZONE.replace("CAA 0", "CAA 128") + "www 300 IN TXT \"x\"\n"), edited)).isFalse();
    }

    @Test
    void anEditThatDropsTheSoaIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> ZoneContent.edited(index(ZONE),
                Map.of(ORIGIN, Set.of(Type.SOA)), List.of())).withMessageContaining("no SOA");
    }

    @Test
    void aroundANameAreItsAncestorsItselfAndItsDescendantsOnly() {
        ZoneIndex zone = index(ZONE + """
                b     300 IN A 192.0.2.10
                a.b   300 IN A 192.0.2.11
                x.a.b 300 IN A 192.0.2.12
                ab    300 IN A 192.0.2.13
                c     300 IN A 192.0.2.14
                """);

        assertThat(ZoneContent.around(zone, name("B.lab.test.")))
                .extracting(r -> r.getName().toString() + " " + Type.string(r.getType()))
                .containsExactlyInAnyOrder("lab.test. SOA", "lab.test. NS", "b.lab.test. A", "a.b.lab.test. A",
                        "x.a.b.lab.test. A");
    }

    private static Name name(String text) {
        return Name.fromConstantString(text);
    }

    private static Record record(String line) {
        try {
            return new org.xbill.DNS.Master(new java.io.ByteArrayInputStream(line.getBytes())).nextRecord();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(line, e);
        }
    }

    private ZoneIndex index(String text) {
        try {
            Path file = Files.writeString(dir.resolve("zone" + files++ + ".zone"), text + "\n");
            return new ZoneLoader(LoadOptions.defaults(), List.of()).load(file, ORIGIN).index();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
