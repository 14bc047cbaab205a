package dev.caadns.dnssec;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.config.TypedConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The {@code dnssec} keys: which zones are signed, where their keys live, what kind of keys are made
 * for a zone that has none, and how long signatures last.
 *
 * @param zones when not empty, only these zones are signed
 * @param splitKeys true: a KSK and a ZSK are made for a new zone; false: one combined key (CSK)
 * @param nsec3 the NSEC3 parameters of zones denying with NSEC3, or null: NSEC for all
 * @param nsec3Zones when not empty, only these zones deny with NSEC3
 */
public record DnssecSettings(boolean sign, Set<Name> zones, Path keyDirectory, Algorithm algorithm,
                             boolean splitKeys, Duration validity, Duration refresh, Nsec3Params nsec3,
                             Set<Name> nsec3Zones) {
    /** RFC 5155 §10.3's ceiling for the largest keys; RFC 9276 asks for 0. */
    private static final int MAX_ITERATIONS = 2500;

    /** Settings of zones that all deny with NSEC. */
    public DnssecSettings(boolean sign, Set<Name> zones, Path keyDirectory, Algorithm algorithm, boolean splitKeys,
                          Duration validity, Duration refresh) {
        this(sign, zones, keyDirectory, algorithm, splitKeys, validity, refresh, null, Set.of());
    }

    public static DnssecSettings from(Config c) throws ConfigError {
        return from(c, Optional.empty());
    }

    /** The settings, with a default key folder beside the config file, as state.directory's. */
    public static DnssecSettings from(Config c, Optional<Path> configFile) throws ConfigError {
        boolean sign = c.getBoolean("dnssec.sign");
        Set<Name> zones = zoneNames(c, "dnssec.zones");
        Path keys = Settings.besideConfigFile(c, configFile, "dnssec.key-directory",
                TypedConfig.resolve(c.getValue("dnssec.key-directory"), c.getString("dnssec.key-directory")));
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
        Nsec3Params nsec3 = c.getBoolean("dnssec.nsec3") ? new Nsec3Params(
                range(c, "dnssec.nsec3-iterations", MAX_ITERATIONS), range(c, "dnssec.nsec3-salt-length", 255)) : null;
        return new DnssecSettings(sign, zones, keys, algorithm, kind.equals("ksk-zsk"), validity, refresh,
                nsec3, zoneNames(c, "dnssec.nsec3-zones"));
    }

    private static Set<Name> zoneNames(Config c, String path) throws ConfigError {
        List<Name> zones = new ArrayList<>();
        for (ConfigValue v : c.getList(path)) {
            try {
                zones.add(Name.fromString(String.valueOf(v.unwrapped()), Name.root));
            } catch (TextParseException e) {
                throw ConfigError.at(v.origin(), path, "not a zone name: " + v.render());
            }
        }
        return Set.copyOf(zones);
    }

    private static int range(Config c, String path, int max) throws ConfigError {
        ConfigValue v = c.getValue(path);
        if (v.unwrapped() instanceof Integer n && n >= 0 && n <= max) {
            return n;
        }
        throw ConfigError.at(v.origin(), path, "expected a whole number from 0 to " + max + ", got " + v.render());
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

    /** The NSEC3 parameters a signed zone denies with, or null when it denies with NSEC. */
    Nsec3Params nsec3For(Name zone) {
        return nsec3 != null && (nsec3Zones.isEmpty() || nsec3Zones.contains(zone)) ? nsec3 : null;
    }

    SigningPolicy policy() {
        return new SigningPolicy(validity, refresh);
    }
}
