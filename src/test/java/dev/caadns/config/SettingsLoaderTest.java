package dev.caadns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SettingsLoaderTest {

    private static Path fixture(String name) throws URISyntaxException {
        return Path.of(SettingsLoaderTest.class.getResource("/config/" + name).toURI());
    }

    @Test
    void defaultsComeFromReferenceConf() throws ConfigError {
        Settings s = SettingsLoader.load(Optional.empty(), Map.of());

        assertThat(s.listen()).containsExactly(
                new InetSocketAddress("127.0.0.1", 8053), new InetSocketAddress("::1", 8053));
        assertThat(s.zonesDirectory()).isEqualTo(Path.of("zones"));
        assertThat(s.zoneFiles()).isEmpty();
        assertThat(s.ednsUdpSize()).isEqualTo(1232);
        assertThat(s.nsid()).isEmpty();
        assertThat(s.tcpIdleTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(s.tcpMaxConnections()).isEqualTo(1000);
        assertThat(s.includeDepth()).isEqualTo(8);
        assertThat(s.generateMaxRange()).isEqualTo(65536);
        assertThat(s.workers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(s.udpReceiveBuffer()).isEqualTo(4 * 1024 * 1024);
        assertThat(s.udpSendBuffer()).isEqualTo(4 * 1024 * 1024);
        assertThat(s.caaAllowInvalid()).isFalse();
        assertThat(s.configFile()).isEmpty();
    }

    @Test
    void userFileOverridesDefaults() throws Exception {
        Path file = fixture("override.conf");
        Settings s = SettingsLoader.load(Optional.of(file), Map.of());

        assertThat(s.listen()).containsExactly(
                new InetSocketAddress("192.0.2.1", 53), new InetSocketAddress("2001:db8::1", 5353));
        assertThat(s.ednsUdpSize()).isEqualTo(4096);
        assertThat(s.nsid()).containsExactly(0x0a, 0x0b);
        assertThat(s.tcpIdleTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(s.includeDepth()).isZero();
        assertThat(s.workers()).isEqualTo(3);
        assertThat(s.udpReceiveBuffer()).isEqualTo(8 * 1024 * 1024);
        assertThat(s.caaAllowInvalid()).isTrue();
        assertThat(s.configFile()).contains(file);
        // keys the file leaves alone keep their defaults
        assertThat(s.tcpMaxConnections()).isEqualTo(1000);
        assertThat(s.udpSendBuffer()).isEqualTo(4 * 1024 * 1024);
        assertThat(s.config().getInt("edns.udp-size")).isEqualTo(4096);
    }

    @Test
    void flagsOverrideTheUserFile() throws Exception {
        Settings s = SettingsLoader.load(Optional.of(fixture("override.conf")),
                Map.of("workers", 5, "listen", List.of("127.0.0.1:0"), "edns.nsid", "ns1"));

        assertThat(s.workers()).isEqualTo(5);
        assertThat(s.listen()).containsExactly(new InetSocketAddress("127.0.0.1", 0));
        assertThat(s.nsid()).containsExactly('n', 's', '1');
        assertThat(s.ednsUdpSize()).as("still from the file").isEqualTo(4096);
    }

    @Test
    void relativePathsResolveAgainstTheFileThatSetThem() throws Exception {
        Path file = fixture("nested/paths.conf");
        Settings s = SettingsLoader.load(Optional.of(file), Map.of());

        Path folder = file.getParent();
        assertThat(s.zonesDirectory()).isEqualTo(folder.resolve("zones-here"));
        assertThat(s.zoneFiles()).containsExactly(
                new ZoneFile(org.xbill.DNS.Name.fromString("lab.test."), folder.getParent().resolve("lab.test.zone")),
                new ZoneFile(null, Path.of("/srv/zones/other.zone")));
    }

    @Test
    void flagPathsResolveAgainstTheWorkingDirectory() throws Exception {
        Settings s = SettingsLoader.load(Optional.of(fixture("nested/paths.conf")),
                Map.of("zones.directory", "here/zones"));

        assertThat(s.zonesDirectory()).isEqualTo(Path.of("here/zones"));
    }

    @Test
    void flagErrorsNameTheCommandLine() {
        assertThatThrownBy(() -> SettingsLoader.load(Optional.empty(), Map.of("workers", -1)))
                .isInstanceOf(ConfigError.class)
                .hasMessage("command line: workers: expected a number from 0 to 1024, got -1");
    }

    @Test
    void missingUserFileIsAnError() {
        Path missing = Path.of("no-such-dir", "caadns.conf");
        assertThatThrownBy(() -> SettingsLoader.load(Optional.of(missing), Map.of()))
                .isInstanceOf(ConfigError.class)
                .hasMessageStartingWith(missing + ": cannot read the config file");
    }
}
