package dev.caadns.cli;

import dev.caadns.admin.LabControl;
import dev.caadns.admin.LabSettings;
import dev.caadns.caa.CaaPlugin;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.server.Plugin;
import dev.caadns.transfer.TransferPlugin;
import dev.caadns.transfer.TransferSettings;
import java.util.List;
import java.util.Optional;

/** The composition root's one list of plugins, in chain order (first sees the query first). */
public final class Plugins {
    private Plugins() {
    }

    /**
     * Lab control comes first: its fault rules must see every query before anything answers it, zone
     * transfers among them.
     */
    public static List<Plugin> forSettings(Settings settings) throws ConfigError {
        return List.of(new LabControl(LabSettings.from(settings), Optional.of(CaaPlugin::explain)),
                new TransferPlugin(TransferSettings.from(settings), settings.ednsUdpSize()),
                CaaPlugin.forSettings(settings));
    }

    /** The CAA module among the plugins, for the tools that show its template rules. */
    static CaaPlugin caa(List<Plugin> plugins) {
        return plugins.stream().filter(CaaPlugin.class::isInstance).map(CaaPlugin.class::cast).findFirst()
                .orElseThrow();
    }
}
