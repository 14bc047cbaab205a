package dev.caadns.transfer;

import dev.caadns.answer.OpcodeHandler;
import dev.caadns.answer.QueryHandler;
import dev.caadns.answer.ZoneSet;
import dev.caadns.server.CaadnsServer;
import dev.caadns.server.Plugin;
import dev.caadns.server.PluginCounter;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.xbill.DNS.Name;

/**
 * Zone transfers out as a plugin: AXFR and IXFR in the handler chain, the version history kept as the
 * zones are published, NOTIFY to the secondaries on every new serial.
 */
public final class TransferPlugin implements Plugin {
    private final TransferSettings settings;
    private final int udpSize;
    private final TransferLog log = new TransferLog();
    private volatile TransferHistory history;

    /** @param udpSize the largest UDP reply (edns.udp-size), for IXFR over UDP */
    public TransferPlugin(TransferSettings settings, int udpSize) {
        this.settings = settings;
        this.udpSize = udpSize;
    }

    @Override
    public QueryHandler handler(QueryHandler next, Supplier<ZoneSet> zones) {
        return new TransferHandler(next, () -> history, settings, log, udpSize);
    }

    @Override
    public OpcodeHandler notifyHandler() {
        return new NotifyHandler(() -> history);
    }

    @Override
    public AutoCloseable start(CaadnsServer server) {
        Notifier notifier = new Notifier(zone -> settings.scope(zone).secondaries(), log);
        TransferHistory h = new TransferHistory(server.synthesis(), settings.historyDepth(), settings.allowsAny(),
                notifier::serialChanged);
        server.zones().listen(h);
        history = h;
        return notifier;
    }

    @Override
    public List<PluginCounter> counters() {
        return List.of(
                new PluginCounter("caadns_axfr_total", "AXFR requests by result", "result", () -> log.counts("axfr")),
                new PluginCounter("caadns_ixfr_total", "IXFR requests by result (incremental, whole_zone,"
                        + " up_to_date, soa_only, or the refusal)", "result", () -> log.counts("ixfr")),
                new PluginCounter("caadns_notify_total", "NOTIFYs sent by result (ok, retrying, failed)", "result",
                        () -> log.counts("notify")));
    }

    /** What transfers and NOTIFYs did, for the management API and metrics. */
    public TransferLog log() {
        return log;
    }

    /**
     * Under {@code transfer}: the serial and history depth transfers see, the last transfer to each
     * client address and the last NOTIFY to each secondary.
     */
    @Override
    public Map<String, Object> zoneDetails(Name origin) {
        TransferHistory h = history;
        ZoneHistory zone = h == null ? null : h.zone(origin);
        if (zone == null) {
            return Map.of();
        }
        Map<String, Object> transfer = new LinkedHashMap<>();
        transfer.put("serial", zone.current().serial());
        transfer.put("history", zone.depth());
        transfer.put("transfers", new TreeMap<>(log.lastTransfers(origin)));
        transfer.put("notifies", new TreeMap<>(log.lastNotifies(origin)));
        return Map.of("transfer", transfer);
    }
}
