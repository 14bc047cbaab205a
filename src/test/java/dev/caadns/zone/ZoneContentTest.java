package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Name;

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

    private ZoneIndex index(String text) {
        try {
            Path file = Files.writeString(dir.resolve("zone" + files++ + ".zone"), text + "\n");
            return new ZoneLoader(LoadOptions.defaults(), List.of()).load(file, ORIGIN).index();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
