package dev.caadns.zone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An in-zone NS target needs an address in the zone; owners are matched to targets by node. */
class NsAddressCheckTest {

    @TempDir
    Path dir;

    private List<String> findings(String records) throws IOException {
        Path file = dir.resolve("lab.test.zone");
        Files.writeString(file, "$TTL 300\n@ SOA ns hostmaster 1 2 3 4 5\n" + records.replace("|", "\n") + "\n");
        LoadedZone zone = new ZoneLoader(LoadOptions.defaults(), List.of()).load(file, null);
        return zone.findings().stream().map(f -> f.code() + "@" + f.line()).toList();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', value = {
        "an address;                    @ NS ns|ns A 192.0.2.1;                       ''",
        "an address in another case;    @ NS ns|NS A 192.0.2.1;                       ''",
        "a target in another case;      @ NS NS1|ns1 AAAA 2001:db8::1;                ''",
        "only an IPv6 address;          @ NS ns|ns AAAA 2001:db8::1;                  ''",
        "glue below a delegation;       @ NS ns|ns A 192.0.2.1|sub NS ns.sub|ns.sub A 192.0.2.2; ''",
        "a target outside the zone;     @ NS ns.other.test.;                          ''",
        "no record at the target;       @ NS ns;                                      Z-NS-NO-ADDRESS@3",
        "other data at the target only; @ NS ns|ns TXT \"x\";                          Z-NS-NO-ADDRESS@3",
        "the address on another name;   @ NS ns|ns2 A 192.0.2.1|@ NS ns2;             Z-NS-NO-ADDRESS@3",
        "each NS record without one;    @ NS ns|sub NS ns|sub2 NS ns;                  Z-NS-NO-ADDRESS@3 Z-NS-NO-ADDRESS@4 Z-NS-NO-ADDRESS@5",
    })
    void findsTheTargetsWithoutAnAddress(String why, String records, String expected) throws IOException {
        List<String> found = findings(records.strip()).stream().filter(f -> f.startsWith("Z-NS-NO-ADDRESS")).toList();

        assertThat(found).as(why).containsExactlyElementsOf(
                expected.isBlank() ? List.of() : List.of(expected.strip().split(" ")));
    }
}
