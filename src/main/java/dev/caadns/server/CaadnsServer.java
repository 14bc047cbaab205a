package dev.caadns.server;

import dev.caadns.answer.QueryHandler;
import dev.caadns.answer.QueryProcessor;
import dev.caadns.config.Settings;
import dev.caadns.wire.ResponseWriter;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running server: {@link ZonesAndChain} with sockets bound to it. */
public final class CaadnsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CaadnsServer.class);

    /** Why the server could not start, in words for the operator. */
    public static final class StartupException extends Exception {
        StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ZonesAndChain assembled;
    private final DnsServer network;

    private CaadnsServer(ZonesAndChain assembled, DnsServer network) {
        this.assembled = assembled;
        this.network = network;
    }

    public static CaadnsServer start(Settings settings, List<Plugin> plugins) throws StartupException {
        ZonesAndChain assembled = ZonesAndChain.assemble(settings, plugins);
        QueryHandler handlers = assembled.chain();
        DnsServer.Options options = new DnsServer.Options(settings.listen(), settings.workers(),
                settings.tcpIdleTimeout(), settings.tcpMaxConnections(), settings.udpReceiveBuffer(),
                settings.udpSendBuffer());
        try {
            DnsServer network = DnsServer.start(options,
                    () -> new QueryProcessor(handlers, new ResponseWriter(settings.ednsUdpSize(), settings.nsid())));
            return new CaadnsServer(assembled, network);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while binding", e);
        } catch (RuntimeException e) {
            throw new StartupException(e.getMessage(), e);
        }
    }

    /** Re-reads every zone file; zones that fail keep serving their previous version. */
    public List<ServedZones.ZoneStatus> reload() throws IOException {
        List<ServedZones.ZoneStatus> report = assembled.zones().load();
        ServedZones.log(report);
        return report;
    }

    public ServedZones zones() {
        return assembled.zones();
    }

    /** The handler chain, for in-process lookups ({@link dev.caadns.answer.LocalLookup}). */
    public QueryHandler chain() {
        return assembled.chain();
    }

    public List<InetSocketAddress> udpAddresses() {
        return network.udpAddresses();
    }

    public List<InetSocketAddress> tcpAddresses() {
        return network.tcpAddresses();
    }

    @Override
    public void close() {
        network.close();
        log.info("stopped");
    }
}
