package dev.caadns.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;

/** A configuration problem found at start; the message is the text shown to the user. */
public final class ConfigError extends Exception {

    private static final long serialVersionUID = 1L;

    /** The key the problem is about, or null. */
    private final String path;

    public ConfigError(String message) {
        this(message, null);
    }

    private ConfigError(String message, String path) {
        super(message);
        this.path = path;
    }

    /** {@code caadns.conf:7: edns.udp-size: problem}. */
    public static ConfigError at(ConfigOrigin origin, String path, String problem) {
        return new ConfigError(where(origin) + ": " + path + ": " + problem, path);
    }

    /** The key the problem is about, or null when it is not about one key. */
    String path() {
        return path;
    }

    /** A library error (syntax, unresolved ${...}) with its place written the way ours are. */
    public static ConfigError from(ConfigException e) {
        String message = e.getMessage();
        ConfigOrigin origin = e.origin();
        if (origin != null && message.startsWith(origin.description() + ": ")) {
            message = where(origin) + message.substring(origin.description().length());
        }
        return new ConfigError(message);
    }

    /** Where a value came from, compiler style: {@code caadns.conf:7}, or {@code command line}. */
    public static String where(ConfigOrigin origin) {
        if (origin.filename() == null) {
            return origin.description(); // names the source and already carries any line
        }
        return origin.lineNumber() > 0 ? origin.filename() + ":" + origin.lineNumber() : origin.filename();
    }
}
