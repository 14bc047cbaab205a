package dev.caadns.dnssec;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import dev.caadns.config.ConfigError;
import dev.caadns.config.TypedConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The {@code dnssec} keys: which zones are signed, where their keys live, what kind of keys are made
 * for a zone that has none, and how long signatures last.
 *
 * @param zones when not empty, only these zones are signed
 * @param splitKeys true: a KSK and a ZSK are made for a new zone; false: one combined key (CSK)
 */
public record DnssecSettings(boolean sign, Set<Name> zones, Path keyDirectory, Algorithm algorithm,
                             boolean splitKeys, Duration validity, Duration refresh) {

    public static DnssecSettings from(Config c) throws ConfigError {
        boolean sign = c.getBoolean("dnssec.sign");
        List<Name> zones = new ArrayList<>();
        for (ConfigValue v : c.getList("dnssec.zones")) {
            try {
                zones.add(Name.fromString(String.valueOf(v.unwrapped()), Name.root));
            } catch (TextParseException e) {
                throw ConfigError.at(v.origin(), "dnssec.zones", "not a zone name: " + v.render());
            }
        }
        Path keys = TypedConfig.resolve(c.getValue("dnssec.key-directory"), c.getString("dnssec.key-directory"));
        Algorithm algorithm;
        try {
            algorithm = Algorithm.named(c.getString("dnssec.algorithm"));
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(c.getValue("dnssec.algorithm").origin(), "dnssec.algorithm", e.getMessage());
        }
        String kind = c.getString("dnssec.keys");
        if (!kind.equals("csk") && !kind.equals("ksk-zsk")) {
            throw ConfigError.at(c.getValue("dnssec.keys").origin(), "dnssec.keys",
                    "expected csk or ksk-zsk, got \"" + kind + "\"");
        }
        Duration validity = duration(c, "dnssec.signature-validity");
        Duration refresh = duration(c, "dnssec.signature-refresh");
        if (validity.compareTo(Duration.ofMinutes(1)) < 0 || refresh.compareTo(validity) >= 0) {
            throw ConfigError.at(c.getValue("dnssec.signature-refresh").origin(), "dnssec.signature-refresh",
                    "expected a signature-validity of 1m or more and a signature-refresh shorter than it, got "
                            + validity + " and " + refresh);
        }
        return new DnssecSettings(sign, Set.copyOf(zones), keys, algorithm, kind.equals("ksk-zsk"), validity, refresh);
    }

    private static Duration duration(Config c, String path) throws ConfigError {
        try {
            Duration d = c.getDuration(path);
            if (!d.isNegative() && !d.isZero()) {
                return d;
            }
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            // reported below
        }
        throw ConfigError.at(c.getValue(path).origin(), path, "expected a positive duration like 14d or 36h, got "
                + c.getValue(path).render());
    }

    /** True when the zone is signed: signing is on and the zone list is empty or names it. */
    public boolean signs(Name zone) {
        return sign && (zones.isEmpty() || zones.contains(zone));
    }

    SigningPolicy policy() {
        return new SigningPolicy(validity, refresh);
    }
}
