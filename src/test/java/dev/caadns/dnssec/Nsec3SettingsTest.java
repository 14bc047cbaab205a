package dev.caadns.dnssec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.caadns.config.ConfigError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;

/** The dnssec.nsec3* keys: RFC 9276's defaults, the zones they apply to, and bad values named in the user's words. */
class Nsec3SettingsTest {
    private static Config config(String text) {
        return ConfigFactory.parseString(text).withFallback(ConfigFactory.defaultReference()).resolve();
    }

    @Test
    void nsecUnlessAskedAndRfc9276sParametersWhenAsked() throws Exception {
        Name lab = Name.fromConstantString("lab.test.");
        assertThat(DnssecSettings.from(config("dnssec.sign = true")).nsec3For(lab)).isNull();
        assertThat(DnssecSettings.from(config("dnssec { sign = true, nsec3 = true }")).nsec3For(lab))
                .isEqualTo(new Nsec3Params(0, 0));
        DnssecSettings some = DnssecSettings.from(config("dnssec { sign = true, nsec3 = true, "
                + "nsec3-zones = [\"lab.test.\"], nsec3-iterations = 5, nsec3-salt-length = 8 }"));
        assertThat(some.nsec3For(lab)).isEqualTo(new Nsec3Params(5, 8));
        assertThat(some.nsec3For(Name.fromConstantString("test."))).as("not listed: NSEC").isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "nsec3-iterations = 2501   | dnssec.nsec3-iterations: expected a whole number from 0 to 2500, got 2501",
        "nsec3-iterations = -1     | dnssec.nsec3-iterations: expected a whole number from 0 to 2500, got -1",
        "nsec3-iterations = many   | dnssec.nsec3-iterations: expected a whole number from 0 to 2500, got \"many\"",
        "nsec3-salt-length = 256   | dnssec.nsec3-salt-length: expected a whole number from 0 to 255, got 256",
        "nsec3-zones = [\"a..b\"]  | dnssec.nsec3-zones: not a zone name",
    })
    void badValuesAreNamed(String setting, String message) {
        assertThatThrownBy(() -> DnssecSettings.from(config("dnssec { sign = true, nsec3 = true, " + setting + " }")))
                .isInstanceOf(ConfigError.class).hasMessageContaining(message);
    }
}
