package dev.caadns.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The ways HOCON lets a value be written all reach the same setting. */
class ValueSpellingsTest {

    @TempDir
    Path dir;

    static Stream<Arguments> spellings() {
        return Stream.of(
                Arguments.of("workers = \"3\"", (Function<Settings, Object>) Settings::workers, 3),
                Arguments.of("edns.udp-size = \"4096\"", (Function<Settings, Object>) Settings::ednsUdpSize, 4096),
                Arguments.of("udp.send-buffer = 65536", (Function<Settings, Object>) Settings::udpSendBuffer, 65536),
                Arguments.of("udp.send-buffer = 64KiB", (Function<Settings, Object>) Settings::udpSendBuffer, 65536),
                Arguments.of("tcp.idle-timeout = 2500", (Function<Settings, Object>) s -> s.tcpIdleTimeout().toMillis(),
                        2500L),
                Arguments.of("tcp.idle-timeout = 1m", (Function<Settings, Object>) s -> s.tcpIdleTimeout().toMillis(),
                        60_000L),
                Arguments.of("caa.allow-invalid = yes", (Function<Settings, Object>) Settings::caaAllowInvalid, true),
                Arguments.of("caa { allow-invalid = on }", (Function<Settings, Object>) Settings::caaAllowInvalid, true),
                Arguments.of("edns.nsid = \"hex:\"", (Function<Settings, Object>) s -> s.nsid().length, 0),
                Arguments.of("zone-files.include-depth = 4\nworkers = ${zone-files.include-depth}",
                        (Function<Settings, Object>) Settings::workers, 4),
                Arguments.of("workers = ${tcp.max-connections}", (Function<Settings, Object>) Settings::workers,
                        1000));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("spellings")
    void spellingIsAccepted(String text, Function<Settings, Object> setting, Object expected) throws Exception {
        Path file = Files.writeString(dir.resolve("caadns.conf"), text);

        assertThat(setting.apply(SettingsLoader.load(Optional.of(file), Map.of()))).isEqualTo(expected);
    }
}
