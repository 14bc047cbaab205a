package dev.caadns.admin;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.config.SocketAddresses;
import dev.caadns.lab.DefaultAddresses;
import dev.caadns.lab.FaultRule;
import dev.caadns.lab.FaultRuleParser;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The lab's keys: {@code management { listen, token }}, {@code journal { size, file }} and
 * {@code faults = [...]}, checked at start so a bad lab file stops with the line to fix.
 *
 * @param listen where the management API listens; empty when it is off
 * @param token bearer token every request must carry; "" for none (loopback only)
 * @param journalFile JSON-lines file the journal is appended to; empty when off
 * @param httpreqAuthorization the Authorization header lego's httpreq must send, "" for none
 * @param defaultIpv4 the A answer in implicit lab zones ({@code default-address.ipv4}); empty for none
 * @param idleTimeout how long an API connection may go without a whole request
 * @param maxConnections API connections open at most
 * @param hosts names besides localhost the API answers to in {@code Host} ({@code management.hosts})
 */
public record LabSettings(Optional<InetSocketAddress> listen, String token, int journalSize,
                          Optional<Path> journalFile, List<FaultRule> faults, Optional<Inet4Address> defaultIpv4,
                          Optional<Inet6Address> defaultIpv6, Duration idleTimeout, int maxConnections,
                          String httpreqAuthorization, List<String> hosts) {
    private static final Logger log = LoggerFactory.getLogger(LabSettings.class);

    public static LabSettings from(Settings settings) throws ConfigError {
        Config c = settings.config();
        String listenText = string(c, "management.listen");
        Optional<InetSocketAddress> listen = Optional.empty();
        if (!listenText.isEmpty()) {
            try {
                listen = Optional.of(SocketAddresses.parse(listenText));
            } catch (IllegalArgumentException e) {
                throw ConfigError.at(c.getValue("management.listen").origin(), "management.listen",
                        "bad address \"" + listenText + "\": " + e.getMessage());
            }
        }
        String token = string(c, "management.token");
        boolean open = bool(c, "management.open");
        if (listen.isPresent() && !listen.get().getAddress().isLoopbackAddress() && token.isEmpty() && !open) {
            throw ConfigError.at(c.getValue("management.listen").origin(), "management.listen",
                    listenText + " is not a loopback address: set management.token, which every request "
                            + "must then carry as Authorization: Bearer <token> (or management.open = true, "
                            + "as challtestsrv, on a closed lab network only)");
        }
        if (listen.isPresent() && !listen.get().getAddress().isLoopbackAddress() && token.isEmpty()) {
            log.warn("management API on {} takes requests without a token (management.open): anyone who "
                    + "reaches it can change what is served", listenText);
        }
        ConfigValue size = c.getValue("journal.size");
        if (size.valueType() != ConfigValueType.NUMBER || !(size.unwrapped() instanceof Integer n) || n < 1) {
            throw ConfigError.at(size.origin(), "journal.size", "expected a whole number above 0, got "
                    + size.render());
        }
        String file = string(c, "journal.file");
        return new LabSettings(listen, token, (Integer) size.unwrapped(),
                file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file)), faults(c),
                address(c, "default-address.ipv4", Inet4Address.class, "an IPv4"),
                address(c, "default-address.ipv6", Inet6Address.class, "an IPv6"),
                settings.managementIdleTimeout(), settings.managementMaxConnections(), httpreqAuthorization(c),
                hosts(c));
    }

    /** {@code Basic base64(user:password)} lego's httpreq must send to /present and /cleanup; "" for none. */
    private static String httpreqAuthorization(Config c) throws ConfigError {
        String user = string(c, "management.httpreq.username");
        String password = string(c, "management.httpreq.password");
        if (user.isEmpty() != password.isEmpty() || user.contains(":")) {
            throw ConfigError.at(c.getValue("management.httpreq.username").origin(), "management.httpreq",
                    "set both username (without \":\") and password, or neither");
        }
        return user.isEmpty() ? "" : "Basic " + java.util.Base64.getEncoder().encodeToString(
                (user + ":" + password).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static <T extends InetAddress> Optional<T> address(Config c, String path, Class<T> family, String what)
            throws ConfigError {
        String text = string(c, path);
        try {
            return text.isEmpty() ? Optional.empty() : Optional.of(DefaultAddresses.literal(text, family, what));
        } catch (IllegalArgumentException e) {
            throw ConfigError.at(c.getValue(path).origin(), path, e.getMessage() + " (\"\" for none)");
        }
    }

    private static List<String> hosts(Config c) throws ConfigError {
        ConfigValue value = c.getValue("management.hosts");
        List<String> hosts = new ArrayList<>();
        if (value instanceof ConfigList list) {
            for (ConfigValue item : list) {
                if (item.valueType() != ConfigValueType.STRING || ((String) item.unwrapped()).isBlank()) {
                    throw ConfigError.at(item.origin(), "management.hosts", "expected a host name, got " + item.render());
                }
                hosts.add((String) item.unwrapped());
            }
            return hosts;
        }
        throw ConfigError.at(value.origin(), "management.hosts", "expected a list of host names [\"lab-dns.example\"]");
    }

    private static List<FaultRule> faults(Config c) throws ConfigError {
        ConfigValue value = c.getValue("faults");
        if (!(value instanceof ConfigList list)) {
            throw ConfigError.at(value.origin(), "faults", "expected a list of fault rules [{ name = ..., ... }]");
        }
        List<FaultRule> rules = new ArrayList<>();
        for (ConfigValue item : list) {
            if (!(item instanceof ConfigObject entry)) {
                throw ConfigError.at(item.origin(), "faults", "expected a fault rule { name = ..., action = ... }");
            }
            FaultRule rule;
            try {
                rule = FaultRuleParser.parse(entry.unwrapped());
            } catch (IllegalArgumentException e) {
                throw ConfigError.at(item.origin(), "faults", e.getMessage());
            }
            if (!rule.id().isEmpty() && rules.stream().anyMatch(r -> r.id().equals(rule.id()))) {
                throw ConfigError.at(item.origin(), "faults", "id \"" + rule.id() + "\" is used twice");
            }
            rules.add(rule);
        }
        return rules;
    }

    private static boolean bool(Config c, String path) throws ConfigError {
        ConfigValue value = c.getValue(path);
        if (value.valueType() != ConfigValueType.BOOLEAN) {
            throw ConfigError.at(value.origin(), path, "expected true or false, got " + value.render());
        }
        return (Boolean) value.unwrapped();
    }

    private static String string(Config c, String path) throws ConfigError {
        ConfigValue value = c.getValue(path);
        if (value.valueType() != ConfigValueType.STRING) {
            throw ConfigError.at(value.origin(), path, "expected a string, got " + value.render());
        }
        return (String) value.unwrapped();
    }
}
