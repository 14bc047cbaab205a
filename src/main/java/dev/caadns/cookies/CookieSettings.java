package dev.caadns.cookies;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The {@code cookies} keys: on or off, a fixed secret or a rolling one, and Knot's BADCOOKIE slip.
 *
 * @param secret 16 octets used for good; empty for a random secret rolled over every {@code lifetime}
 * @param requireServerCookie a client cookie alone over UDP is answered as a bad server cookie (Knot's way)
 * @param badcookieSlip every Nth query with a bad server cookie over UDP gets BADCOOKIE, the rest no reply
 */
public record CookieSettings(boolean enabled, Optional<byte[]> secret, Duration lifetime,
                             boolean requireServerCookie, int badcookieSlip) {

    public static CookieSettings from(Settings settings) throws ConfigError {
        Config c = settings.config();
        try {
            String secretText = c.getString("cookies.secret");
            Optional<byte[]> secret = Optional.empty();
            if (!secretText.isEmpty()) {
                byte[] bytes = secretText.matches("[0-9a-fA-F]{32}") ? HexFormat.of().parseHex(secretText) : null;
                if (bytes == null) {
                    throw ConfigError.at(c.getValue("cookies.secret").origin(), "cookies.secret",
                            "expected 32 hex digits (16 octets) or \"\", got \"" + secretText + "\"");
                }
                secret = Optional.of(bytes);
            }
            Duration lifetime = c.getDuration("cookies.secret-lifetime");
            if (lifetime.toSeconds() < 1) {
                throw ConfigError.at(c.getValue("cookies.secret-lifetime").origin(), "cookies.secret-lifetime",
                        "expected a duration of a second or more, like 26h");
            }
            ConfigValue slip = c.getValue("cookies.badcookie-slip");
            int badcookieSlip = c.getInt("cookies.badcookie-slip");
            if (badcookieSlip < 1) {
                throw ConfigError.at(slip.origin(), "cookies.badcookie-slip", "expected a number from 1 up, got "
                        + badcookieSlip);
            }
            return new CookieSettings(c.getBoolean("cookies.enabled"), secret, lifetime,
                    c.getBoolean("cookies.require-server-cookie"), badcookieSlip);
        } catch (ConfigException e) {
            throw ConfigError.from(e);
        }
    }
}
