package dev.caadns.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetSocketAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class SocketAddressesTest {

    @ParameterizedTest
    @CsvSource({
        "127.0.0.1:8053, 127.0.0.1, 8053",
        "0.0.0.0:0, 0.0.0.0, 0",
        "[::1]:53, ::1, 53",
        "[2001:db8::1]:65535, 2001:db8::1, 65535",
        "[::ffff:192.0.2.1]:53, 192.0.2.1, 53",
    })
    void parsesLiteralAddresses(String text, String host, int port) {
        InetSocketAddress parsed = SocketAddresses.parse(text);

        assertThat(parsed.isUnresolved()).isFalse();
        assertThat(parsed).isEqualTo(new InetSocketAddress(host, port));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "localhost:53", "ns1.lab.test:53", "127.0.0.1", "256.0.0.1:53", "1.2.3:53", "::1:53", "[::1]",
        "[::1]53", "[example.com]:53", "[::1]:x", "127.0.0.1:65536", "127.0.0.1:", ":53", "",
    })
    void rejectsAnythingElse(String text) {
        assertThatThrownBy(() -> SocketAddresses.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
