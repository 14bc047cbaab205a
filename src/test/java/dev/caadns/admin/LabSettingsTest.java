package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caadns.config.ConfigError;
import dev.caadns.config.SettingsLoader;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LabSettingsTest {

    private static LabSettings with(Map<String, Object> flags) throws ConfigError {
        return LabSettings.from(SettingsLoader.load(Optional.empty(), flags));
    }

    @Test
    void defaultAddressesAreOffUnlessSet() throws ConfigError {
        assertThat(with(Map.of()).defaultIpv4()).isEmpty();
        assertThat(with(Map.of()).defaultIpv6()).isEmpty();
        LabSettings set = with(Map.of("default-address.ipv4", "10.77.77.77", "default-address.ipv6", "::1"));
        assertThat(set.defaultIpv4().orElseThrow().getHostAddress()).isEqualTo("10.77.77.77");
        assertThat(set.defaultIpv6().orElseThrow().isLoopbackAddress()).isTrue();
    }

    @Test
    void anAddressOfTheWrongFamilyOrAHostNameIsAConfigError() {
        assertThatThrownBy(() -> with(Map.of("default-address.ipv4", "::1")))
                .isInstanceOf(ConfigError.class)
                .hasMessageContaining("default-address.ipv4: \"::1\" is not an IPv4 address (\"\" for none)");
        assertThatThrownBy(() -> with(Map.of("default-address.ipv6", "localhost")))
                .isInstanceOf(ConfigError.class).hasMessageContaining("is not an IPv6 address");
    }
}
