package dev.caadns.server;

import dev.caadns.answer.QueryHandler;
import dev.caadns.answer.QueryObserver;
import dev.caadns.answer.QueryProcessor;
import dev.caadns.answer.ZoneAnswerer;
import dev.caadns.config.Settings;
import dev.caadns.config.ZoneFile;
import dev.caadns.wire.ResponseWriter;
import dev.caadns.zone.Finding;
import dev.caadns.zone.LoadOptions;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.ZoneLoader;
import dev.caadns.zone.ZoneValidator;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Record;

/** The assembled server: zones loaded, handler chain built, sockets bound. */
public final class CaadnsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CaadnsServer.class);

    /** Why the server could not start, in words for the operator. */
    public static final class StartupException extends Exception {
        public StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ServedZones zones;
    private final QueryHandler chain;
    private final DnsServer network;
    private final List<Plugin> plugins;
    private final List<AutoCloseable> started = new ArrayList<>();

    private CaadnsServer(ServedZones zones, QueryHandler chain, DnsServer network, List<Plugin> plugins) {
        this.zones = zones;
        this.chain = chain;
        this.network = network;
        this.plugins = List.copyOf(plugins);
    }

    public static CaadnsServer start(Settings settings, List<Plugin> plugins) throws StartupException {
        List<ZoneValidator> validators = new ArrayList<>();
        plugins.forEach(p -> validators.addAll(p.validators()));
        ZoneLoader loader = new ZoneLoader(
                new LoadOptions(settings.includeDepth(), settings.generateMaxRange()), validators);
        ServedZones zones = new ServedZones(source(settings, loader));
        List<ServedZones.ZoneStatus> report;
        try {
            report = zones.load();
        } catch (IOException e) {
            throw new StartupException("cannot read zones: " + e.getMessage(), e);
        }
        ServedZones.log(report);
        if (report.stream().noneMatch(ServedZones.ZoneStatus::served)) {
            throw new StartupException("no zone could be loaded from "
                    + (settings.zoneFiles().isEmpty() ? settings.zonesDirectory() : "zones.files"), null);
        }
        QueryHandler chain = new ZoneAnswerer(zones);
        for (int i = plugins.size() - 1; i >= 0; i--) {
            chain = plugins.get(i).handler(chain, zones);
        }
        QueryHandler handlers = chain;
        plugins.forEach(p -> p.loaded(report));
        List<QueryObserver> observers = new ArrayList<>();
        plugins.stream().map(Plugin::observer).filter(Objects::nonNull).forEach(observers::add);
        QueryObserver observer = QueryObserver.all(observers);
        DnsServer.Options options = new DnsServer.Options(settings.listen(), settings.workers(),
                settings.tcpIdleTimeout(), settings.tcpMaxConnections(), settings.udpReceiveBuffer(),
                settings.udpSendBuffer());
        CaadnsServer server;
        try {
            DnsServer network = DnsServer.start(options, () -> new QueryProcessor(handlers,
                    new ResponseWriter(settings.ednsUdpSize(), settings.nsid()), observer));
            server = new CaadnsServer(zones, handlers, network, plugins);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while binding", e);
        } catch (RuntimeException e) {
            throw new StartupException(e.getMessage(), e);
        }
        server.startPlugins();
        return server;
    }

    private void startPlugins() throws StartupException {
        try {
            for (Plugin plugin : plugins) {
                started.add(plugin.start(this));
            }
        } catch (StartupException | RuntimeException e) {
            close();
            throw e instanceof StartupException s ? s : new StartupException(e.getMessage(), e);
        }
    }

    private static ServedZones.Source source(Settings settings, ZoneLoader loader) {
        if (settings.zoneFiles().isEmpty()) {
            return () -> loader.loadDirectory(settings.zonesDirectory());
        }
        return () -> {
            List<LoadedZone> loaded = new ArrayList<>();
            for (ZoneFile file : settings.zoneFiles()) {
                loaded.add(loader.load(file.file(), file.originOrNull()));
            }
            return loaded;
        };
    }

    /** Re-reads every zone file; zones that fail keep serving their previous version. */
    public List<ServedZones.ZoneStatus> reload() throws IOException {
        List<ServedZones.ZoneStatus> report = zones.load();
        ServedZones.log(report);
        plugins.forEach(p -> p.loaded(report));
        return report;
    }

    /** What the plugins find wrong with an RRset about to be set at runtime; empty when nothing. */
    public List<Finding> checkRRset(List<Record> rrset) {
        List<Finding> findings = new ArrayList<>();
        plugins.forEach(p -> findings.addAll(p.checkRRset(rrset)));
        return findings;
    }

    public ServedZones zones() {
        return zones;
    }

    /** The handler chain, for in-process lookups ({@link dev.caadns.answer.LocalLookup}). */
    public QueryHandler chain() {
        return chain;
    }

    public List<InetSocketAddress> udpAddresses() {
        return network.udpAddresses();
    }

    public List<InetSocketAddress> tcpAddresses() {
        return network.tcpAddresses();
    }

    @Override
    public void close() {
        for (int i = started.size() - 1; i >= 0; i--) {
            try {
                started.get(i).close();
            } catch (Exception e) {
                log.warn("stopping a plugin failed: {}", e.toString());
            }
        }
        started.clear();
        network.close();
        log.info("stopped");
    }
}
