package dev.caadns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A bad user file fails with the file, line and key, and says what was expected. */
class ConfigErrorMessageTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        edns {\\n  udp-size = "big"\\n}          | caadns.conf:2: edns.udp-size: expected a number from 512 to 65535, got "big"
        edns.udp-size = 100                     | caadns.conf:1: edns.udp-size: expected a number from 512 to 65535, got 100
        edns.udp-size = 1232.5                  | caadns.conf:1: edns.udp-size: expected a number from 512 to 65535, got 1232.5
        \\n\\nedns.udp-sise = 1232              | caadns.conf:3: edns.udp-sise: unknown key (edns has: nsid, udp-size)
        lisen = []                              | caadns.conf:1: lisen: unknown key (top-level keys are: caa, cookies, default-address, dnssec, doh, dot, edns, faults, journal, listen, management, outside-zones, rrl, state, tcp, tls, transfer, tsig, udp, update, workers, zone-files, zones)
        edns = 5                                | caadns.conf:1: edns: expected a group of keys { ... }, got 5
        listen = ["localhost:53"]               | caadns.conf:1: listen: bad address "localhost:53": "localhost" is not an IP address (host names are not resolved; use an address)
        listen = ["127.0.0.1"]                  | caadns.conf:1: listen: bad address "127.0.0.1": the port is missing
        listen = ["::1:53"]                     | caadns.conf:1: listen: bad address "::1:53": write an IPv6 address in brackets, like [::1]:8053
        listen = ["127.0.0.1:70000"]            | caadns.conf:1: listen: bad address "127.0.0.1:70000": the port must be a number from 0 to 65535
        listen = "127.0.0.1:53"                 | caadns.conf:1: listen: expected a list of addresses like ["127.0.0.1:8053", "[::1]:8053"], got "127.0.0.1:53"
        tcp.idle-timeout = soon                 | caadns.conf:1: tcp.idle-timeout: expected a positive duration like 10s or 500ms, got "soon"
        tcp.idle-timeout = 0s                   | caadns.conf:1: tcp.idle-timeout: expected a positive duration like 10s or 500ms, got "0s"
        udp.receive-buffer = lots               | caadns.conf:1: udp.receive-buffer: expected a size from 1KiB to 1GiB, like 4MiB, got "lots"
        caa.allow-invalid = maybe               | caadns.conf:1: caa.allow-invalid: expected true or false, got "maybe"
        outside-zones = challtestserv           | caadns.conf:1: outside-zones: expected one of refused, challtestsrv, got "challtestserv"
        workers = -1                            | caadns.conf:1: workers: expected a number from 0 to 1024, got -1
        edns.nsid = "hex:zz"                    | caadns.conf:1: edns.nsid: expected text, or hex: followed by an even number of hex digits, got "hex:zz"
        zones.files = [{ file = "a", orign = "x." }] | caadns.conf:1: zones.files: unknown key "orign" in a zone entry (expected origin and file)
        zones.files = [{ origin = "x." }]       | caadns.conf:1: zones.files: expected a file name in file = "...", got an object
        zones.files = ["a.zone"]                | caadns.conf:1: zones.files: expected an entry like { origin = "lab.test.", file = "lab.test.zone" }, got "a.zone"
        edns {                                  | caadns.conf:1: expecting a close parentheses ')' here, not: end of file
        workers = ${nowhere}                    | caadns.conf:1: Could not resolve substitution to a value: ${nowhere}
        """)
    void badValueIsReportedWithItsPlace(String text, String expected) throws IOException {
        Path file = Files.writeString(dir.resolve("caadns.conf"), text.replace("\\n", "\n"));

        assertThatThrownBy(() -> SettingsLoader.load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigError.class)
                .hasMessageStartingWith(dir + "/" + expected);
    }

    @Test
    void everyMistakeIsReportedInOneRunInLineOrder() throws IOException {
        Path file = Files.writeString(dir.resolve("caadns.conf"), """
                listen = ["127.0.0.1"]
                edns { udp-size = "big" }
                edns.udp-sise = 1232
                tcp.idle-timeout = soon
                workers = -1
                """);

        assertThatThrownBy(() -> SettingsLoader.load(Optional.of(file), Map.of()))
                .isInstanceOf(ConfigError.class)
                .satisfies(e -> assertThat(e.getMessage().lines()).containsExactly(
                        file + ":1: listen: bad address \"127.0.0.1\": the port is missing",
                        file + ":2: edns.udp-size: expected a number from 512 to 65535, got \"big\"",
                        file + ":3: edns.udp-sise: unknown key (edns has: nsid, udp-size)",
                        file + ":4: tcp.idle-timeout: expected a positive duration like 10s or 500ms, got \"soon\"",
                        file + ":5: workers: expected a number from 0 to 1024, got -1"));
    }
}
