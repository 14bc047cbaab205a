package dev.caadns.rrl;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;

/**
 * The {@code rrl} keys. One turns it on: {@code rrl.rate} (0, the default, is off, so a lab load test
 * is never throttled unasked).
 *
 * @param rate responses a second per client block, response class and name; 0 = off
 * @param slip every Nth limited response goes out truncated (TC), the rest are dropped; 0 = drop all
 */
public record RrlSettings(int rate, int slip, int ipv4Prefix, int ipv6Prefix, int tableSize) {

    public static RrlSettings from(Settings settings) throws ConfigError {
        Config c = settings.config();
        try {
            return new RrlSettings(number(c, "rrl.rate", 0, 1_000_000), number(c, "rrl.slip", 0, 100),
                    number(c, "rrl.ipv4-prefix", 8, 32), number(c, "rrl.ipv6-prefix", 16, 128),
                    number(c, "rrl.table-size", 1024, 1 << 24));
        } catch (ConfigException e) {
            throw ConfigError.from(e);
        }
    }

    public boolean enabled() {
        return rate > 0;
    }

    private static int number(Config c, String path, int min, int max) throws ConfigError {
        int value = c.getInt(path);
        if (value < min || value > max) {
            throw ConfigError.at(c.getValue(path).origin(), path,
                    "expected a number from " + min + " to " + max + ", got " + value);
        }
        return value;
    }
}
