package dev.caadns.transfer;

import dev.caadns.answer.OpcodeHandler;
import dev.caadns.answer.QueryHandler;
import dev.caadns.answer.ZoneSet;
import dev.caadns.server.CaadnsServer;
import dev.caadns.server.Plugin;
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
        Notifier notifier = new Notifier(zone -> settings.scope(zone).secondaries(), Notifier.Signer.NONE, log);
        TransferHistory h = new TransferHistory(server.synthesis(), settings.historyDepth(), notifier::serialChanged);
        server.zones().listen(h);
        history = h;
        return notifier;
    }

    /** What transfers and NOTIFYs did, for the management API and metrics. */
    public TransferLog log() {
        return log;
    }

    /** Serial and history depth of a zone as transferred, or null when not served. */
    public ZoneState state(Name origin) {
        TransferHistory h = history;
        ZoneHistory zone = h == null ? null : h.zone(origin);
        return zone == null ? null : new ZoneState(zone.current().serial(), zone.depth());
    }

    /** @param historyDepth how many older serials can get an incremental transfer */
    public record ZoneState(long serial, int historyDepth) {
    }
}
