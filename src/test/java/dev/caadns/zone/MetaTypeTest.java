package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Meta-types and query types are not zone data (RFC 6895 §3.1): BIND and Knot refuse them too. */
class MetaTypeTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"OPT", "AXFR", "IXFR", "ANY", "TSIG", "TKEY", "MAILA", "MAILB"})
    void aMetaTypeRecordIsAZoneError(String type) throws IOException {
        Path file = dir.resolve("meta.test.zone");
        Files.writeString(file, "$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\nns A 192.0.2.1\n"
                + "x " + type + " \\# 0\n");

        LoadedZone zone = new ZoneLoader(LoadOptions.defaults(), List.of()).load(file, null);

        // dnsjava cannot even read some of them (Z-SYNTAX); the others must not slip through as data
        assertThat(Fixtures.where(zone)).singleElement().isIn("Z-META-TYPE@meta.test.zone:5",
                "Z-SYNTAX@meta.test.zone:5");
        if (type.equals("OPT") || type.equals("AXFR")) {
            assertThat(Fixtures.where(zone)).containsExactly("Z-META-TYPE@meta.test.zone:5");
        }
        assertThat(zone.servable()).isFalse();
        assertThat(Fixtures.served(zone)).noneMatch(r -> r.startsWith("x."));
    }
}
