package dev.caadns.tsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caadns.config.ConfigError;
import dev.caadns.config.SettingsLoader;
import dev.caadns.testsupport.Command;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;

/** {@code tsig.keys} and {@code tsig.key-file} as users write them, and every mistake named with its line. */
class TsigKeyConfigTest {
    private static final String SECRET = SignedQueryTest.SECRET;

    @TempDir
    Path dir;

    @Test
    void keysFromTheConfigList() throws Exception {
        TsigKeys keys = load("""
                tsig.keys = [
                  { name = "lab-key", algorithm = "hmac-sha256", secret = "%s" }
                  { name = "Short.Key.", algorithm = "HMAC-SHA512-256", secret = "%s" }
                ]
                """.formatted(SECRET, SECRET));
        TsigKey lab = keys.find(Name.fromString("LAB-KEY."));
        assertThat(lab.algorithm()).isEqualTo(TsigAlgorithm.HMAC_SHA256);
        assertThat(lab.macLength()).isEqualTo(32);
        TsigKey shortKey = keys.find(Name.fromString("short.key."));
        assertThat(shortKey.algorithm()).isEqualTo(TsigAlgorithm.HMAC_SHA512);
        assertThat(shortKey.macLength()).isEqualTo(32);
        assertThat(shortKey.toString()).doesNotContain(SECRET).isEqualTo("Short.Key. (hmac-sha512-256)");
    }

    @Test
    void keysFromWhatTsigKeygenWrites() throws Exception {
        Command.require("tsig-keygen", "bind9");
        Command.Result generated = Command.run(List.of("tsig-keygen", "-a", "hmac-sha384", "gen-key"), "", 20);
        Files.writeString(dir.resolve("keys.conf"), "# made by tsig-keygen\n" + generated.output()
                + "/* a second one */\nkey \"md5\" { algorithm hmac-md5; secret \"" + SECRET + "\"; }; // done\n");
        TsigKeys keys = load("tsig.key-file = \"keys.conf\"\n");
        assertThat(keys.find(Name.fromString("gen-key.")).algorithm()).isEqualTo(TsigAlgorithm.HMAC_SHA384);
        assertThat(keys.find(Name.fromString("md5.")).algorithm()).isEqualTo(TsigAlgorithm.HMAC_MD5);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "{ name = \"k\", algorithm = \"hmac-sha3\", secret = \"c2VjcmV0\" }|caadns.conf:1: tsig.keys: key \"k\": algorithm \"hmac-sha3\" is not one of",
        "{ name = \"k\", algorithm = \"hmac-sha256\", secret = \"not base64!\" }|key \"k\": secret is not base64",
        "{ name = \"k\", algorithm = \"hmac-sha256-64\", secret = \"c2VjcmV0\" }|hmac-sha256 may be truncated to a multiple of 8 bits from 128 to 256",
        "{ name = \"k\", algorithm = \"hmac-sha256-130\", secret = \"c2VjcmV0\" }|multiple of 8 bits",
        "{ name = \"k\", algorithm = \"hmac-sha256\" }|secret is required",
        "{ name = \"k\", algorithm = \"hmac-sha256\", secret = \"c2VjcmV0\", fudge = 5 }|unknown key \"fudge\" in a key entry",
        "{ name = \"k\", algorithm = \"hmac-sha256\", secret = \"\" }|secret is empty",
        "\"k\"|expected a key like",
    })
    void aBadEntryIsNamed(String entry, String message) {
        assertThatThrownBy(() -> load("tsig.keys = [" + entry + "]\n")).isInstanceOf(ConfigError.class)
                .hasMessageContaining(message);
    }

    @Test
    void aKeyDefinedTwiceIsAnError() {
        String key = "{ name = \"k\", algorithm = \"hmac-sha256\", secret = \"c2VjcmV0\" }";
        assertThatThrownBy(() -> load("tsig.keys = [" + key + ", " + key + "]\n"))
                .hasMessageContaining("key k. is defined twice");
    }

    @Test
    void aBadKeyFileNamesItsLine() throws Exception {
        Files.writeString(dir.resolve("keys.conf"), "key \"a\" {\n  algorithm hmac-sha256;\n  secrt \"x\";\n};\n");
        assertThatThrownBy(() -> load("tsig.key-file = \"keys.conf\"\n"))
                .hasMessageContaining("keys.conf:3: unknown field secrt in key a");
    }

    @Test
    void aMissingKeyFileIsAnError() {
        assertThatThrownBy(() -> load("tsig.key-file = \"nowhere.conf\"\n")).hasMessageContaining("cannot read");
    }

    private TsigKeys load(String config) throws Exception {
        Path file = dir.resolve("caadns.conf");
        Files.writeString(file, config);
        return TsigKeys.from(SettingsLoader.load(Optional.of(file), Map.of()));
    }
}
