package dev.caadns.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigRenderOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Reads typed values from the merged tree; every failure names the key, where it was set and what
 * was expected, e.g. {@code caadns.conf:7: edns.udp-size: expected a number from 512 to 65535, got "big"}.
 */
public final class TypedConfig {

    private static final String HEX_PREFIX = "hex:";

    private final Config config;

    TypedConfig(Config config) {
        this.config = config;
    }

    Config config() {
        return config;
    }

    int integer(String path, int min, int max) throws ConfigError {
        ConfigValue value = value(path);
        Long number = switch (value.valueType()) {
            case NUMBER -> value.unwrapped() instanceof Integer || value.unwrapped() instanceof Long
                    ? ((Number) value.unwrapped()).longValue() : null;
            case STRING -> parseLong(((String) value.unwrapped()).trim());
            default -> null;
        };
        if (number == null || number < min || number > max) {
            throw expected(path, value, "a number from " + min + " to " + max);
        }
        return number.intValue();
    }

    boolean bool(String path) throws ConfigError {
        try {
            return config.getBoolean(path);
        } catch (ConfigException.WrongType e) {
            throw expected(path, value(path), "true or false");
        }
    }

    String string(String path) throws ConfigError {
        ConfigValue value = value(path);
        if (value.valueType() != ConfigValueType.STRING) {
            throw expected(path, value, "a string");
        }
        return (String) value.unwrapped();
    }

    /** One of an enum's constants, spelled in lower case with hyphens ({@code challtestsrv}, {@code refused}). */
    <E extends Enum<E>> E choice(String path, Class<E> type) throws ConfigError {
        String text = string(path);
        for (E constant : type.getEnumConstants()) {
            if (spelling(constant).equals(text)) {
                return constant;
            }
        }
        List<String> spellings = Arrays.stream(type.getEnumConstants()).map(TypedConfig::spelling).toList();
        throw expected(path, value(path), "one of " + String.join(", ", spellings));
    }

    private static String spelling(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A positive duration such as {@code 10s} or {@code 500ms}. */
    Duration duration(String path) throws ConfigError {
        try {
            Duration duration = config.getDuration(path);
            if (!duration.isNegative() && !duration.isZero()) {
                return duration;
            }
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            // reported below with the value as written
        }
        throw expected(path, value(path), "a positive duration like 10s or 500ms");
    }

    /** A byte count such as {@code 4MiB}, from 1KiB to 1GiB. */
    int size(String path) throws ConfigError {
        try {
            long bytes = config.getMemorySize(path).toBytes();
            if (bytes >= 1024 && bytes <= 1024 * 1024 * 1024) {
                return (int) bytes;
            }
        } catch (ConfigException.WrongType | ConfigException.BadValue e) {
            // reported below with the value as written
        }
        throw expected(path, value(path), "a size from 1KiB to 1GiB, like 4MiB");
    }

    /** Text as UTF-8, or {@code hex:0a0b} for raw bytes; "" gives an empty array. */
    byte[] octets(String path) throws ConfigError {
        String text = string(path);
        if (!text.startsWith(HEX_PREFIX)) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        try {
            return HexFormat.of().parseHex(text.substring(HEX_PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw expected(path, value(path), "text, or hex: followed by an even number of hex digits");
        }
    }

    /** A file or folder; relative paths resolve against the folder of the file that set them. */
    Path path(String path) throws ConfigError {
        return resolve(value(path), string(path));
    }

    /** Like {@link #path}, but "" means none. */
    Optional<Path> optionalPath(String path) throws ConfigError {
        String text = string(path);
        return text.isEmpty() ? Optional.empty() : Optional.of(resolve(value(path), text));
    }

    List<String> strings(String path) throws ConfigError {
        List<String> strings = new ArrayList<>();
        for (ConfigValue item : list(path, "a list of strings")) {
            if (item.valueType() != ConfigValueType.STRING) {
                throw expected(path, item, "a string");
            }
            strings.add((String) item.unwrapped());
        }
        return List.copyOf(strings);
    }

    List<InetSocketAddress> addresses(String path) throws ConfigError {
        List<InetSocketAddress> addresses = new ArrayList<>();
        for (ConfigValue item : list(path, "a list of addresses like [\"127.0.0.1:8053\", \"[::1]:8053\"]")) {
            if (item.valueType() != ConfigValueType.STRING) {
                throw expected(path, item, "an address like 127.0.0.1:8053 or [::1]:8053");
            }
            try {
                addresses.add(SocketAddresses.parse((String) item.unwrapped()));
            } catch (IllegalArgumentException e) {
                throw ConfigError.at(item.origin(), path, "bad address " + shown(item) + ": " + e.getMessage());
            }
        }
        return List.copyOf(addresses);
    }

    /** A list of {@code { origin = "lab.test.", file = "lab.test.zone" }}; origin may be left out. */
    List<ZoneFile> zoneFiles(String path) throws ConfigError {
        String shape = "{ origin = \"lab.test.\", file = \"lab.test.zone\" }";
        List<ZoneFile> files = new ArrayList<>();
        for (ConfigValue item : list(path, "a list of " + shape)) {
            if (!(item instanceof ConfigObject entry)) {
                throw expected(path, item, "an entry like " + shape);
            }
            for (String key : entry.keySet()) {
                if (!Set.of("origin", "file").contains(key)) {
                    throw ConfigError.at(entry.get(key).origin(), path,
                            "unknown key \"" + key + "\" in a zone entry (expected origin and file)");
                }
            }
            ConfigValue file = entry.get("file");
            if (file == null || file.valueType() != ConfigValueType.STRING) {
                throw expected(path, file == null ? item : file, "a file name in file = \"...\"");
            }
            ConfigValue origin = entry.get("origin");
            files.add(new ZoneFile(origin == null ? null : name(path, origin),
                    resolve(file, (String) file.unwrapped())));
        }
        return List.copyOf(files);
    }

    private Name name(String path, ConfigValue value) throws ConfigError {
        try {
            if (value.valueType() == ConfigValueType.STRING) {
                return Name.fromString((String) value.unwrapped(), Name.root);
            }
        } catch (TextParseException e) {
            // reported below
        }
        throw expected(path, value, "a domain name like \"lab.test.\"");
    }

    private ConfigList list(String path, String expected) throws ConfigError {
        ConfigValue value = value(path);
        if (!(value instanceof ConfigList list)) {
            throw expected(path, value, expected);
        }
        return list;
    }

    private ConfigValue value(String path) throws ConfigError {
        try {
            return config.getValue(path);
        } catch (ConfigException e) {
            throw ConfigError.from(e);
        }
    }

    /** A path set in a config file resolves against that file's folder; defaults and flags against the working directory. */
    public static Path resolve(ConfigValue value, String text) {
        String file = value.origin().filename();
        Path folder = file == null ? null : Path.of(file).getParent();
        return folder == null ? Path.of(text) : folder.resolve(text).normalize();
    }

    private static ConfigError expected(String path, ConfigValue value, String expected) {
        return ConfigError.at(value.origin(), path, "expected " + expected + ", got " + shown(value));
    }

    private static String shown(ConfigValue value) {
        return switch (value.valueType()) {
            case OBJECT -> "an object";
            case LIST -> "a list";
            case NULL -> "null";
            default -> value.render(ConfigRenderOptions.concise());
        };
    }

    private static Long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
