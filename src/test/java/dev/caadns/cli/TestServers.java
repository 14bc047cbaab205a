package dev.caadns.cli;

import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.config.SettingsLoader;
import dev.caadns.server.CaadnsServer;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Starts caadns as {@code serve} would (same settings loader, same plugins) on a free loopback UDP/TCP port. */
final class TestServers {
    private TestServers() {
    }

    static CaadnsServer start(Path zones, boolean allowInvalid) throws ConfigError, CaadnsServer.StartupException {
        Settings settings = SettingsLoader.load(Optional.empty(), Map.of(
                "zones.directory", zones.toString(),
                "listen", List.of("127.0.0.1:0"),
                "workers", 1,
                "management.listen", "",
                "caa.allow-invalid", allowInvalid));
        return CaadnsServer.start(settings, Plugins.forSettings(settings));
    }

    static Path resource(String folder) {
        try {
            return Path.of(TestServers.class.getResource(folder).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
