package dev.caadns.cli;

import dev.caadns.caa.CaaPlugin;
import dev.caadns.config.Settings;
import dev.caadns.server.Plugin;
import java.util.List;

/** The composition root's one list of plugins, in chain order (first sees the query first). */
public final class Plugins {
    private Plugins() {
    }

    public static List<Plugin> forSettings(Settings settings) {
        return List.of(new CaaPlugin(settings.caaAllowInvalid()));
    }
}
