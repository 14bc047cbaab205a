package dev.caadns.server;

import dev.caadns.answer.QueryHandler;
import dev.caadns.answer.ZoneSet;
import dev.caadns.answer.ZoneSynthesis;
import dev.caadns.zone.ZoneValidator;
import java.util.List;
import java.util.function.Supplier;

/**
 * A module the server runs without knowing what it does (the CAA module is one, as plugins are in
 * CoreDNS): checks over every zone at load, and a link in the handler chain.
 */
public interface Plugin {
    /** Checks run over every zone at load and reload. */
    default List<ZoneValidator> validators() {
        return List.of();
    }

    /** CAA the plugin adds to the zone data at query time (templates); at most one plugin may have any. */
    default ZoneSynthesis synthesis() {
        return ZoneSynthesis.NONE;
    }

    /** Wraps the rest of the chain; a plugin with nothing to answer returns next itself, costing nothing. */
    default QueryHandler handler(QueryHandler next, Supplier<ZoneSet> zones) {
        return next;
    }
}
