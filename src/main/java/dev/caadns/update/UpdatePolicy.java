package dev.caadns.update;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.tsig.TsigKeys;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Who may update what: the {@code update.allow} rules. Nothing is allowed without a rule. A request
 * is allowed when some rule covers its key (or, with {@code key = none}, its address) and zone, and
 * every record it changes is in a subtree and of a type some such rule permits.
 */
public final class UpdatePolicy {
    private static final Set<String> FIELDS = Set.of("key", "zones", "names", "types", "from");
    private static final String SHAPE = "{ key = \"lab-key\", zones = [\"lab.test.\"], names = \"_acme-challenge.lab.test.\", "
            + "types = [\"TXT\"] } or { key = none, from = [\"127.0.0.1/32\"], zones = [...] }";
    private static final String NONE = "none";

    private final List<AllowRule> rules;

    UpdatePolicy(List<AllowRule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static UpdatePolicy nothingAllowed() {
        return new UpdatePolicy(List.of());
    }

    public boolean allowsNothing() {
        return rules.isEmpty();
    }

    /** Why the sender may not update the zone at all, or null when some rule covers it. */
    String refuseZone(Name signer, InetAddress client, Name zone) {
        if (rules.stream().anyMatch(r -> r.covers(signer, client, zone))) {
            return null;
        }
        return "no update.allow rule lets " + sender(signer, client) + " update zone " + zone;
    }

    /** Why the sender may not change (owner, type), or null when a rule covering it permits it. */
    String refuseChange(Name signer, InetAddress client, Name zone, Name owner, int type) {
        if (rules.stream().anyMatch(r -> r.covers(signer, client, zone) && r.permits(owner, type))) {
            return null;
        }
        return "no update.allow rule lets " + sender(signer, client) + " change "
                + (type == Type.ANY ? "every type" : Type.string(type)) + " at " + owner;
    }

    private static String sender(Name signer, InetAddress client) {
        String from = client == null ? "" : " from " + client.getHostAddress();
        return (signer == null ? "an unsigned update" : "key " + signer) + from;
    }

    /** Reads {@code update.allow}; a rule naming a key that {@code tsig.keys} lacks is an error. */
    public static UpdatePolicy from(Settings settings, TsigKeys keys) throws ConfigError {
        Config c = settings.config();
        ConfigValue value = c.getValue("update.allow");
        if (!(value instanceof ConfigList list)) {
            throw ConfigError.at(value.origin(), "update.allow", "expected a list of rules like " + SHAPE);
        }
        List<AllowRule> rules = new ArrayList<>();
        for (ConfigValue item : list) {
            rules.add(rule(item, keys));
        }
        return new UpdatePolicy(rules);
    }

    private static AllowRule rule(ConfigValue item, TsigKeys keys) throws ConfigError {
        if (!(item instanceof ConfigObject entry)) {
            throw ConfigError.at(item.origin(), "update.allow", "expected a rule like " + SHAPE);
        }
        for (String field : entry.keySet()) {
            if (!FIELDS.contains(field)) {
                throw ConfigError.at(entry.get(field).origin(), "update.allow", "unknown key \"" + field
                        + "\" in a rule (expected key, zones, names, types, from)");
            }
        }
        ConfigValue keyValue = entry.get("key");
        if (keyValue == null || keyValue.valueType() != ConfigValueType.STRING) {
            throw ConfigError.at(item.origin(), "update.allow", "key is required: a key name from tsig.keys, "
                    + "or none for unsigned updates");
        }
        String keyText = (String) keyValue.unwrapped();
        Name key = null;
        if (!keyText.equals(NONE)) {
            key = name(keyValue, keyText);
            if (keys.find(key) == null) {
                throw ConfigError.at(keyValue.origin(), "update.allow", "key \"" + keyText
                        + "\" is not in tsig.keys (or tsig.key-file)");
            }
        }
        List<Name> zones = names(entry, "zones", true);
        List<Name> names = names(entry, "names", false);
        Set<Integer> types = new LinkedHashSet<>();
        for (ConfigValue t : strings(entry, "types")) {
            int type = Type.value((String) t.unwrapped());
            if (type < 0 || type == Type.ANY || type == Type.AXFR || type == Type.IXFR || type == Type.OPT
                    || type == Type.TSIG) {
                throw ConfigError.at(t.origin(), "update.allow", "types: \"" + t.unwrapped()
                        + "\" is not a record type an update can change");
            }
            types.add(type);
        }
        List<AllowRule.Network> from = new ArrayList<>();
        for (ConfigValue f : strings(entry, "from")) {
            from.add(network(f));
        }
        if (key == null && from.isEmpty()) {
            throw ConfigError.at(keyValue.origin(), "update.allow", "key = none needs from = [\"127.0.0.1/32\", ...]:"
                    + " unsigned updates are allowed only from the addresses given");
        }
        return new AllowRule(key, zones, names, Set.copyOf(types), from);
    }

    private static List<Name> names(ConfigObject entry, String field, boolean required) throws ConfigError {
        List<ConfigValue> values = strings(entry, field);
        if (required && values.isEmpty()) {
            throw ConfigError.at(entry.origin(), "update.allow", field + " is required: a list of zone names, "
                    + "e.g. zones = [\"lab.test.\"]");
        }
        List<Name> names = new ArrayList<>();
        for (ConfigValue v : values) {
            names.add(name(v, (String) v.unwrapped()));
        }
        return names;
    }

    /** A field that is a string or a list of strings; empty when absent. */
    private static List<ConfigValue> strings(ConfigObject entry, String field) throws ConfigError {
        ConfigValue value = entry.get(field);
        if (value == null) {
            return List.of();
        }
        List<ConfigValue> items = value instanceof ConfigList list ? new ArrayList<>(list) : List.of(value);
        for (ConfigValue item : items) {
            if (item.valueType() != ConfigValueType.STRING) {
                throw ConfigError.at(item.origin(), "update.allow", field + ": expected a string or a list of "
                        + "strings, got " + item.render());
            }
        }
        return items;
    }

    private static Name name(ConfigValue value, String text) throws ConfigError {
        try {
            return Name.fromString(text.endsWith(".") ? text : text + ".");
        } catch (TextParseException e) {
            throw ConfigError.at(value.origin(), "update.allow", "\"" + text + "\" is not a domain name: "
                    + e.getMessage());
        }
    }

    private static AllowRule.Network network(ConfigValue value) throws ConfigError {
        String text = (String) value.unwrapped();
        int slash = text.indexOf('/');
        String address = slash < 0 ? text : text.substring(0, slash);
        try {
            if (!address.matches("[0-9a-fA-F.:]+")) {
                throw new UnknownHostException("not an IP address");
            }
            InetAddress base = InetAddress.getByName(address);
            int bits = base.getAddress().length * 8;
            int prefix = slash < 0 ? bits : Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > bits) {
                throw new NumberFormatException();
            }
            return new AllowRule.Network(base, prefix);
        } catch (UnknownHostException | NumberFormatException e) {
            throw ConfigError.at(value.origin(), "update.allow", "from: \"" + text
                    + "\" is not an address or network like 127.0.0.1/32 or ::1/128");
        }
    }
}
