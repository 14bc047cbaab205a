package dev.caadns.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caadns.config.ConfigError;
import dev.caadns.config.SettingsLoader;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;

/** The transfer keys as a user writes them: rules, blocks, keys, per-zone lists, and the errors for each. */
class TransferSettingsTest {
    private static final String KEY = "tsig.keys = [{ name = \"xfr-key\", algorithm = \"hmac-sha256\", secret = \"c2VjcmV0\" }]\n";
    @TempDir
    Path dir;

    private TransferSettings load(String text) throws Exception {
        Path file = dir.resolve("caadns.conf");
        Files.writeString(file, text);
        return TransferSettings.from(SettingsLoader.load(Optional.of(file), Map.of()));
    }

    @Test
    void aRuleAdmitsWhatMatchesEverythingItGives() throws Exception {
        TransferSettings s = load(KEY + "transfer.allow = [{ key = \"XFR-key.\", from = [\"127.0.0.0/8\", \"::1\"] }, { from = [\"192.0.2.7\"] }]\n");
        AccessRule signed = s.defaults().allow().get(0);
        AccessRule bare = s.defaults().allow().get(1);
        InetSocketAddress loopback = new InetSocketAddress("127.0.0.9", 1);

        assertThat(signed.admits(loopback, "xfr-key.")).isTrue();
        assertThat(signed.admits(loopback, null)).isFalse();
        assertThat(signed.admits(new InetSocketAddress("::1", 1), "Xfr-Key")).isTrue();
        assertThat(signed.admits(new InetSocketAddress("192.0.2.7", 1), "xfr-key.")).isFalse();
        assertThat(bare.admits(new InetSocketAddress("192.0.2.7", 1), null)).isTrue();
        assertThat(bare.admits(new InetSocketAddress("192.0.2.8", 1), null)).isFalse();
    }

    @Test
    void nothingIsAllowedByDefaultAndZonesMayHaveTheirOwnLists() throws Exception {
        TransferSettings s = load("transfer.notify = [\"127.0.0.1:5301\"]\n"
                + "transfer.zones = [{ zone = \"lab.test\", allow = [{ from = [\"10.0.0.0/8\"] }] }]\n");
        assertThat(s.defaults().allow()).isEmpty();
        assertThat(s.scope(Name.fromConstantString("lab.test.")).allow()).hasSize(1);
        assertThat(s.scope(Name.fromConstantString("lab.test.")).secondaries()).hasSize(1);
        assertThat(s.scope(Name.fromConstantString("other.test.")).allow()).isEmpty();
        assertThat(s.messageSize()).isEqualTo(16384);
    }

    @Test
    void aSecondaryMayNameTheKeyItsNotifyIsSignedWith() throws Exception {
        TransferSettings s = load(KEY + "transfer.notify = [\"127.0.0.1:5301\", { address = \"127.0.0.1:5302\", key = \"xfr-key\" }]\n");
        assertThat(s.defaults().secondaries()).extracting(TransferSettings.Secondary::address)
                .containsExactly(new InetSocketAddress("127.0.0.1", 5301), new InetSocketAddress("127.0.0.1", 5302));
        assertThat(s.defaults().secondaries().get(0).key()).isEmpty();
        assertThat(s.defaults().secondaries().get(1).key()).map(k -> k.name().toString()).contains("xfr-key.");
        assertThatThrownBy(() -> load(KEY + "transfer.notify = [{ address = \"127.0.0.1:5302\", key = \"nokey\" }]\n"))
                .hasMessageContaining("transfer.notify.key: \"nokey\" is not a key of tsig.keys");
        assertThatThrownBy(() -> load("transfer.notify = [{ adress = \"127.0.0.1:5302\" }]\n"))
                .hasMessageContaining("unknown key adress");
    }

    @Test
    void mistakesNameTheirPlace() {
        assertThatThrownBy(() -> load("transfer.allow = [{ from = [\"localhost\"] }]\n"))
                .isInstanceOf(ConfigError.class).hasMessageContaining("caadns.conf:1: transfer.allow.from")
                .hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> load("transfer.allow = [{ from = [\"10.0.0.0/33\"] }]\n"))
                .hasMessageContaining("prefix length must be 0 to 32");
        assertThatThrownBy(() -> load("transfer.allow = [{ key = \"nokey\" }]\n"))
                .hasMessageContaining("transfer.allow.key: \"nokey\" is not a key of tsig.keys");
        assertThatThrownBy(() -> load("transfer.allow = [{ adress = \"x\" }]\n"))
                .hasMessageContaining("unknown key adress (a rule has: key, from)");
        assertThatThrownBy(() -> load("transfer.notify = [\"127.0.0.1\"]\n"))
                .hasMessageContaining("transfer.notify: bad address");
        assertThatThrownBy(() -> load("transfer.message-size = 100\n"))
                .hasMessageContaining("from 512 to 65535");
    }
}
