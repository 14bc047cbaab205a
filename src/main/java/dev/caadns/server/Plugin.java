package dev.caadns.server;

import dev.caadns.answer.QueryHandler;
import dev.caadns.answer.QueryObserver;
import dev.caadns.answer.ZoneSet;
import dev.caadns.answer.ZoneSigner;
import dev.caadns.answer.ZoneSynthesis;
import dev.caadns.zone.Finding;
import dev.caadns.zone.ZoneValidator;
import java.util.List;
import java.util.function.Supplier;
import org.xbill.DNS.Record;

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

    /** Signs the zones as they are published (DNSSEC); at most one plugin may have a signer. */
    default ZoneSigner signer() {
        return ZoneSigner.NONE;
    }

    /**
     * Checks one RRset about to be set at runtime (the management API), as {@link #validators()} check
     * zone files; an error finding keeps the change from being made.
     */
    default List<Finding> checkRRset(List<Record> rrset) {
        return List.of();
    }

    /** Wraps the rest of the chain; a plugin with nothing to answer returns next itself, costing nothing. */
    default QueryHandler handler(QueryHandler next, Supplier<ZoneSet> zones) {
        return next;
    }

    /** Answers NOTIFY messages (opcode 4) for the server; null when this plugin does not. At most one plugin may. */
    default dev.caadns.answer.OpcodeHandler notifyHandler() {
        return null;
    }

    /**
     * What this plugin shows about one zone in {@code /api/v1/zones}, under its own keys, as values
     * Jackson can write; empty for nothing.
     */
    default java.util.Map<String, Object> zoneDetails(org.xbill.DNS.Name origin) {
        return java.util.Map.of();
    }

    /** Sees every query after its answer (journal, metrics); null for none, which costs nothing. */
    default QueryObserver observer() {
        return null;
    }

    /** Counters for the metrics (what the plugin did to queries); read at each scrape. */
    default List<PluginCounter> counters() {
        return List.of();
    }

    /** Told what each zone load did: the first at start, then every reload. */
    default void loaded(List<ServedZones.ZoneStatus> report) {
    }

    /**
     * Starts what the plugin runs beside the DNS service (the management API) once the server is up;
     * the server closes what this returns when it stops.
     */
    default AutoCloseable start(CaadnsServer server) throws CaadnsServer.StartupException {
        return () -> { };
    }
}
