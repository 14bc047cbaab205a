package dev.caadns.testsupport;

import dev.caadns.cli.Plugins;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.config.SettingsLoader;
import dev.caadns.server.CaadnsServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.xbill.DNS.Name;

/** caadns itself, started in-process on a free loopback port with the given zone files and its plugins. */
public final class CaadnsTarget implements DnsTarget {
    private final CaadnsServer server;

    private CaadnsTarget(CaadnsServer server) {
        this.server = server;
    }

    public static CaadnsTarget start(Map<Name, Path> zones) {
        return start(zones, Map.of());
    }

    /**
     * @param settings further config paths → values, e.g. {@code caa.allow-invalid → true}; listen and
     *     workers default to 127.0.0.1:0 and 1, and the management API is off
     */
    public static CaadnsTarget start(Map<Name, Path> zones, Map<String, Object> settings) {
        return start(Optional.empty(), zones, settings);
    }

    /** @param configFile a config file read as {@code --config} would read it, under the flags */
    public static CaadnsTarget start(Optional<Path> configFile, Map<Name, Path> zones, Map<String, Object> settings) {
        List<Map<String, Object>> files = new ArrayList<>();
        zones.forEach((origin, file) -> files.add(Map.of("origin", origin.toString(), "file", file.toString())));
        Map<String, Object> flags = new java.util.HashMap<>(settings);
        flags.putIfAbsent("listen", List.of("127.0.0.1:0"));
        flags.putIfAbsent("workers", 1);
        flags.putIfAbsent("management.listen", "");
        flags.put("zones.files", files);
        try {
            Settings loaded = SettingsLoader.load(configFile, flags);
            return new CaadnsTarget(CaadnsServer.start(loaded, Plugins.forSettings(loaded)));
        } catch (ConfigError | CaadnsServer.StartupException e) {
            throw new IllegalStateException("caadns did not start: " + e.getMessage(), e);
        }
    }

    public CaadnsServer server() {
        return server;
    }

    @Override
    public InetSocketAddress udp() {
        return server.udpAddresses().get(0);
    }

    @Override
    public InetSocketAddress tcp() {
        return server.tcpAddresses().get(0);
    }

    @Override
    public String name() {
        return "caadns";
    }

    @Override
    public void close() {
        server.close();
    }
}
