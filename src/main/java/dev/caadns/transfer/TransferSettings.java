package dev.caadns.transfer;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.config.SocketAddresses;
import dev.caadns.tsig.TsigKey;
import dev.caadns.tsig.TsigKeys;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * The {@code transfer} keys: who may transfer ({@code allow}), whom to NOTIFY ({@code notify}), per-zone overrides of both ({@code zones}), message size and history depth.
 *
 * @param zones per-zone overrides, by origin
 */
public record TransferSettings(Scope defaults, Map<Name, Scope> zones, int messageSize, int historyDepth) {

    /** Who may transfer a zone and whom to NOTIFY of its changes. */
    public record Scope(List<AccessRule> allow, List<Secondary> secondaries) {
    }

    /** A secondary to NOTIFY, and the key its NOTIFYs are signed with (empty: unsigned). */
    public record Secondary(InetSocketAddress address, Optional<TsigKey> key) {
    }

    public static TransferSettings from(Settings settings) throws ConfigError {
        Config c = settings.config();
        TsigKeys keys = TsigKeys.from(settings);
        Scope defaults = new Scope(allow(c.getValue("transfer.allow"), "transfer.allow", keys),
                notify(c.getValue("transfer.notify"), "transfer.notify", keys));
        Map<Name, Scope> zones = new LinkedHashMap<>();
        for (ConfigValue item : list(c.getValue("transfer.zones"), "transfer.zones")) {
            if (!(item instanceof ConfigObject entry) || !entry.containsKey("zone")) {
                throw ConfigError.at(item.origin(), "transfer.zones",
                        "expected { zone = \"lab.test.\", allow = [...], notify = [...] }");
            }
            for (String k : entry.keySet()) {
                if (!Set.of("zone", "allow", "notify").contains(k)) {
                    throw ConfigError.at(entry.get(k).origin(), "transfer.zones", "unknown key " + k
                            + " (a zone entry has: zone, allow, notify)");
                }
            }
            Name origin = zone(entry.get("zone"));
            zones.put(origin, new Scope(
                    entry.containsKey("allow") ? allow(entry.get("allow"), "transfer.zones.allow", keys) : defaults.allow(),
                    entry.containsKey("notify") ? notify(entry.get("notify"), "transfer.zones.notify", keys) : defaults.secondaries()));
        }
        long size = c.getMemorySize("transfer.message-size").toBytes();
        if (size < 512 || size > 65535) {
            throw ConfigError.at(c.getValue("transfer.message-size").origin(), "transfer.message-size",
                    "expected a size from 512 to 65535 bytes, like 16KiB");
        }
        ConfigValue depth = c.getValue("transfer.history");
        if (!(depth.unwrapped() instanceof Integer d) || d < 0 || d > 10_000) {
            throw ConfigError.at(depth.origin(), "transfer.history", "expected a number from 0 to 10000, got "
                    + depth.render());
        }
        return new TransferSettings(defaults, zones, (int) size, d);
    }

    /** False when no rule lets anyone transfer any zone ({@code transfer.allow = []}, the default, and no zone's own). */
    public boolean allowsAny() {
        return !defaults.allow().isEmpty() || zones.values().stream().anyMatch(z -> !z.allow().isEmpty());
    }

    /** The rules and secondaries for one zone: its own entry in {@code transfer.zones}, else the defaults. */
    public Scope scope(Name origin) {
        return zones.getOrDefault(origin, defaults);
    }

    private static List<AccessRule> allow(ConfigValue value, String path, TsigKeys keys) throws ConfigError {
        List<AccessRule> rules = new ArrayList<>();
        for (ConfigValue item : list(value, path)) {
            if (!(item instanceof ConfigObject entry) || entry.isEmpty()) {
                throw ConfigError.at(item.origin(), path, "expected { key = \"name\", from = [\"127.0.0.1/32\"] }"
                        + " (one or both)");
            }
            Optional<String> key = Optional.empty();
            List<String> from = new ArrayList<>();
            for (Map.Entry<String, ConfigValue> e : entry.entrySet()) {
                switch (e.getKey()) {
                    case "key" -> {
                        key = Optional.of(string(e.getValue(), path + ".key"));
                        key(e.getValue(), path + ".key", keys);
                    }
                    case "from" -> {
                        for (ConfigValue block : list(e.getValue(), path + ".from")) {
                            from.add(string(block, path + ".from"));
                        }
                    }
                    default -> throw ConfigError.at(e.getValue().origin(), path, "unknown key " + e.getKey()
                            + " (a rule has: key, from)");
                }
            }
            try {
                rules.add(AccessRule.of(key, from));
            } catch (IllegalArgumentException ex) {
                throw ConfigError.at(item.origin(), path + ".from", ex.getMessage());
            }
        }
        return List.copyOf(rules);
    }

    /** The key of tsig.keys the value names. */
    private static TsigKey key(ConfigValue value, String path, TsigKeys keys) throws ConfigError {
        String name = string(value, path);
        TsigKey key;
        try {
            key = keys.find(Name.fromString(AccessRule.keyName(name)));
        } catch (TextParseException e) {
            key = null;
        }
        if (key == null) {
            throw ConfigError.at(value.origin(), path, "\"" + name + "\" is not a key of tsig.keys or tsig.key-file");
        }
        return key;
    }

    /** Entries are "IP:PORT" (unsigned NOTIFY) or { address = "IP:PORT", key = "name" } (signed with that key). */
    private static List<Secondary> notify(ConfigValue value, String path, TsigKeys keys) throws ConfigError {
        List<Secondary> targets = new ArrayList<>();
        for (ConfigValue item : list(value, path)) {
            ConfigValue address = item;
            Optional<TsigKey> key = Optional.empty();
            if (item instanceof ConfigObject entry) {
                for (String k : entry.keySet()) {
                    if (!Set.of("address", "key").contains(k)) {
                        throw ConfigError.at(entry.get(k).origin(), path, "unknown key " + k
                                + " (a secondary is \"IP:PORT\" or { address = \"IP:PORT\", key = \"name\" })");
                    }
                }
                if (!entry.containsKey("address")) {
                    throw ConfigError.at(item.origin(), path, "expected { address = \"IP:PORT\", key = \"name\" }");
                }
                address = entry.get("address");
                if (entry.containsKey("key")) {
                    key = Optional.of(key(entry.get("key"), path + ".key", keys));
                }
            }
            String text = string(address, path);
            try {
                targets.add(new Secondary(SocketAddresses.parse(text), key));
            } catch (IllegalArgumentException e) {
                throw ConfigError.at(address.origin(), path, "bad address \"" + text + "\": " + e.getMessage());
            }
        }
        return List.copyOf(targets);
    }

    private static Name zone(ConfigValue value) throws ConfigError {
        String text = string(value, "transfer.zones.zone");
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw ConfigError.at(value.origin(), "transfer.zones.zone", "\"" + text + "\" is not a domain name");
        }
    }

    private static ConfigList list(ConfigValue value, String path) throws ConfigError {
        if (!(value instanceof ConfigList list)) {
            throw ConfigError.at(value.origin(), path, "expected a list [...], got " + value.render());
        }
        return list;
    }

    private static String string(ConfigValue value, String path) throws ConfigError {
        if (value.valueType() != ConfigValueType.STRING) {
            throw ConfigError.at(value.origin(), path, "expected a string, got " + value.render());
        }
        return (String) value.unwrapped();
    }
}
