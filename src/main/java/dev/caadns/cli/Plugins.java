package dev.caadns.cli;

import dev.caadns.admin.LabControl;
import dev.caadns.admin.LabSettings;
import dev.caadns.caa.CaaPlugin;
import dev.caadns.config.ConfigError;
import dev.caadns.cookies.CookieSettings;
import dev.caadns.cookies.CookiesPlugin;
import dev.caadns.config.Settings;
import dev.caadns.dnssec.DnssecSettings;
import dev.caadns.dnssec.Signing;
import dev.caadns.rrl.RrlPlugin;
import dev.caadns.rrl.RrlSettings;
import dev.caadns.server.Plugin;
import dev.caadns.transfer.TransferPlugin;
import dev.caadns.transfer.TransferSettings;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The composition root's one list of plugins, in chain order (first sees the query first). */
public final class Plugins {
    private Plugins() {
    }

    /**
     * The cookie module comes first (a bad cookie is answered before anything else looks at the
     * query), then rate limiting (it sees every answer made below it, and the cookie's verdict), then
     * lab control: its fault rules must see every query before anything answers it, zone transfers
     * among them.
     */
    public static List<Plugin> forSettings(Settings settings) throws ConfigError {
        List<Plugin> plugins = new ArrayList<>();
        CookieSettings cookies = CookieSettings.from(settings);
        if (cookies.enabled()) {
            plugins.add(CookiesPlugin.forSettings(cookies));
        }
        RrlSettings rrl = RrlSettings.from(settings);
        if (rrl.enabled()) {
            plugins.add(RrlPlugin.forSettings(rrl));
        }
        CaaPlugin caa = CaaPlugin.forSettings(settings);
        DnssecSettings dnssec = DnssecSettings.from(settings.config(), settings.configFile());
        Optional<Signing> signing = dnssec.sign()
                ? Optional.of(new Signing(dnssec, caa.synthesis(), Clock.systemUTC())) : Optional.empty();
        plugins.add(new LabControl(LabSettings.from(settings), Optional.of(CaaPlugin::explain),
                signing.map(s -> zones -> s.anchors(zones.zones().stream().filter(z -> !zones.isImplicit(z)).toList()))));
        plugins.add(new TransferPlugin(TransferSettings.from(settings), settings.ednsUdpSize()));
        plugins.add(caa);
        signing.ifPresent(s -> plugins.add(new SigningPlugin(s)));
        return List.copyOf(plugins);
    }

    /** The signer among the plugins, if zones are signed. */
    static Optional<Signing> signing(List<Plugin> plugins) {
        return plugins.stream().filter(SigningPlugin.class::isInstance)
                .map(p -> (Signing) p.signer()).findFirst();
    }

    /** The CAA module among the plugins, for the tools that show its template rules. */
    static CaaPlugin caa(List<Plugin> plugins) {
        return plugins.stream().filter(CaaPlugin.class::isInstance).map(CaaPlugin.class::cast).findFirst()
                .orElseThrow();
    }
}
