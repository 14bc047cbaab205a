package dev.caadns.tsig;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.xbill.DNS.Name;

/**
 * The keys caadns knows, by name: {@code tsig.keys = [{ name, algorithm, secret }]} and the
 * {@code key "name" { algorithm ...; secret "..."; };} blocks of {@code tsig.key-file} (BIND's syntax,
 * as {@code tsig-keygen} writes it). Immutable.
 */
public final class TsigKeys {
    private static final Set<String> FIELDS = Set.of("name", "algorithm", "secret");
    private final Map<Name, TsigKey> byName;

    public TsigKeys(List<TsigKey> keys) {
        Map<Name, TsigKey> map = new LinkedHashMap<>();
        for (TsigKey key : keys) {
            if (map.putIfAbsent(key.name(), key) != null) {
                throw new IllegalArgumentException("key " + key.name() + " is defined twice");
            }
        }
        this.byName = Map.copyOf(map);
    }

    public static TsigKeys none() {
        return new TsigKeys(List.of());
    }

    /** The key of that name (any letter case), or null. */
    public TsigKey find(Name name) {
        return byName.get(name);
    }

    public boolean isEmpty() {
        return byName.isEmpty();
    }

    public List<TsigKey> all() {
        return List.copyOf(byName.values());
    }

    /** Reads {@code tsig.keys} and {@code tsig.key-file}; a bad entry stops the start with its place. */
    public static TsigKeys from(Settings settings) throws ConfigError {
        Config c = settings.config();
        List<TsigKey> keys = new ArrayList<>();
        ConfigValue list = c.getValue("tsig.keys");
        if (!(list instanceof ConfigList entries)) {
            throw ConfigError.at(list.origin(), "tsig.keys", "expected a list of { name, algorithm, secret }");
        }
        for (ConfigValue item : entries) {
            keys.add(entry(item));
        }
        ConfigValue file = c.getValue("tsig.key-file");
        if (file.valueType() != ConfigValueType.STRING) {
            throw ConfigError.at(file.origin(), "tsig.key-file", "expected a file name, got " + file.render());
        }
        String fileName = (String) file.unwrapped();
        if (!fileName.isEmpty()) {
            Path path = resolve(file, fileName);
            try {
                keys.addAll(BindKeyFile.parse(path, Files.readString(path)));
            } catch (IOException e) {
                throw ConfigError.at(file.origin(), "tsig.key-file", "cannot read " + path + ": " + e);
            } catch (IllegalArgumentException e) {
                throw ConfigError.at(file.origin(), "tsig.key-file", e.getMessage());
            }
        }
        try {
            return new TsigKeys(keys);
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(list.origin(), "tsig.keys", e.getMessage());
        }
    }

    private static TsigKey entry(ConfigValue item) throws ConfigError {
        String shape = "{ name = \"lab-key\", algorithm = \"hmac-sha256\", secret = \"base64...\" }";
        if (!(item instanceof ConfigObject entry)) {
            throw ConfigError.at(item.origin(), "tsig.keys", "expected a key like " + shape);
        }
        for (String field : entry.keySet()) {
            if (!FIELDS.contains(field)) {
                throw ConfigError.at(entry.get(field).origin(), "tsig.keys",
                        "unknown key \"" + field + "\" in a key entry (expected name, algorithm and secret)");
            }
        }
        String[] values = new String[3];
        String[] names = {"name", "algorithm", "secret"};
        for (int i = 0; i < names.length; i++) {
            ConfigValue v = entry.get(names[i]);
            if (v == null || v.valueType() != ConfigValueType.STRING) {
                throw ConfigError.at(v == null ? item.origin() : v.origin(), "tsig.keys",
                        names[i] + " is required, a string: " + shape);
            }
            values[i] = (String) v.unwrapped();
        }
        try {
            return TsigKey.parse(values[0], values[1], values[2]);
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(item.origin(), "tsig.keys", "key \"" + values[0] + "\": " + e.getMessage());
        }
    }

    /** Relative to the folder of the config file that set it; to the working directory otherwise. */
    private static Path resolve(ConfigValue value, String fileName) {
        Path path = Path.of(fileName);
        String origin = value.origin().filename();
        if (path.isAbsolute() || origin == null) {
            return path;
        }
        Path folder = Path.of(origin).toAbsolutePath().getParent();
        return folder == null ? path : folder.resolve(path).normalize();
    }
}
