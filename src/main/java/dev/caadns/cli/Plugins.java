package dev.caadns.cli;

import dev.caadns.caa.CaaPlugin;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.server.Plugin;
import java.util.List;

/** The composition root's one list of plugins, in chain order (first sees the query first). */
public final class Plugins {
    private Plugins() {
    }

    /** @throws ConfigError when a plugin's own keys are wrong (a template rule that cannot be read) */
    public static List<Plugin> forSettings(Settings settings) throws ConfigError {
        return List.of(CaaPlugin.forSettings(settings));
    }

    /** The CAA module among the plugins, for the tools that show its template rules. */
    static CaaPlugin caa(List<Plugin> plugins) {
        return plugins.stream().filter(CaaPlugin.class::isInstance).map(CaaPlugin.class::cast).findFirst()
                .orElseThrow();
    }
}
