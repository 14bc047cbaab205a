package dev.caadns.server;

import dev.caadns.answer.OpcodeHandler;
import dev.caadns.answer.QueryHandler;
import dev.caadns.answer.QueryObserver;
import dev.caadns.answer.QueryProcessor;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.tsig.Tsig;
import dev.caadns.tsig.TsigKeys;
import dev.caadns.server.tls.TlsException;
import dev.caadns.server.tls.TlsMaterial;
import dev.caadns.update.UpdatePolicy;
import dev.caadns.update.UpdateProcessor;
import dev.caadns.wire.ResponseWriter;
import dev.caadns.zone.Finding;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Record;

/** The running server: {@link ZonesAndChain} with sockets bound to it and the plugins' services started. */
public final class CaadnsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(CaadnsServer.class);

    /** Why the server could not start, in words for the operator; its cause is a ConfigError for a bad config. */
    public static final class StartupException extends Exception {
        public StartupException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final ZonesAndChain assembled;
    private final DnsServer network;
    private final List<Plugin> plugins;
    private final List<AutoCloseable> started = new ArrayList<>();

    private CaadnsServer(ZonesAndChain assembled, DnsServer network, List<Plugin> plugins) {
        this.assembled = assembled;
        this.network = network;
        this.plugins = List.copyOf(plugins);
    }

    public static CaadnsServer start(Settings settings, List<Plugin> plugins) throws StartupException {
        return start(settings, plugins, () -> { });
    }

    /**
     * @param binding told just before the DNS listeners are bound (they answer at once), when only
     *     the binding and the plugins' services are left to start
     */
    public static CaadnsServer start(Settings settings, List<Plugin> plugins, Runnable binding)
            throws StartupException {
        Tsig tsig;
        UpdatePolicy updatePolicy;
        try {
            tsig = new Tsig(TsigKeys.from(settings), Clock.systemUTC());
            updatePolicy = UpdatePolicy.from(settings, tsig.keys());
        } catch (ConfigError e) {
            throw new StartupException(e.getMessage(), e);
        }
        ZonesAndChain assembled = ZonesAndChain.assemble(settings, plugins);
        // Loading makes garbage by the gigabyte; collect it before any query, so the heap the JVM
        // keeps (and gives back, with the launcher's heap-free ratios) is the zones' size.
        System.gc();
        QueryHandler handlers = assembled.chain();
        List<QueryObserver> observers = new ArrayList<>();
        plugins.stream().map(Plugin::observer).filter(Objects::nonNull).forEach(observers::add);
        QueryObserver observer = QueryObserver.all(observers);
        FileHandles.warnIfShort(settings);
        DnsServer.Options options = new DnsServer.Options(settings.listen(), settings.workers(),
                new StreamLimits(settings.tcpIdleTimeout(), settings.tcpMessageTimeout(),
                        settings.tcpMaxConnections()), settings.udpReceiveBuffer(),
                settings.udpSendBuffer(), tlsListeners(settings));
        CaadnsServer server;
        try {
            OpcodeHandler notify = plugins.stream().map(Plugin::notifyHandler).filter(Objects::nonNull).findFirst()
                    .orElse(OpcodeHandler.NOT_IMPLEMENTED);
            UpdateProcessor updates = new UpdateProcessor(assembled.zones(), updatePolicy,
                    rrset -> checkRRset(plugins, rrset));
            QueryProcessor.Dispatch dispatch = new QueryProcessor.Dispatch(handlers, updates, notify, tsig);
            binding.run();
            DnsServer network = DnsServer.start(options, () -> new QueryProcessor(dispatch,
                    new ResponseWriter(settings.ednsUdpSize(), settings.nsid()), observer));
            server = new CaadnsServer(assembled, network, plugins);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupException("interrupted while binding", e);
        } catch (RuntimeException e) {
            throw new StartupException(e.getMessage(), e);
        }
        server.startPlugins();
        return server;
    }

    /** TLS material is read (or made) only when a DoT or DoH listener needs it. */
    private static TlsListeners tlsListeners(Settings settings) throws StartupException {
        if (settings.dotListen().isEmpty() && settings.dohListen().isEmpty()) {
            return TlsListeners.NONE;
        }
        try {
            TlsMaterial material = TlsMaterial.from(settings);
            material.labCaFile().map(Path::toAbsolutePath).ifPresent(ca -> log.info(
                    "DoT/DoH certificate from caadns's lab CA; clients trust {} (curl --cacert {}, kdig +tls-ca={})",
                    ca, ca, ca));
            return new TlsListeners(settings.dotListen(), settings.dohListen(), material.forDot(), material.forDoh(),
                    settings.tlsHandshakeTimeout(), settings.dohPath());
        } catch (TlsException e) {
            throw new StartupException(e.getMessage(), e);
        } catch (javax.net.ssl.SSLException e) {
            throw new StartupException("TLS setup failed: " + e.getMessage(), e);
        }
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

    /** Re-reads every zone file; zones that fail keep serving their previous version. */
    public List<ServedZones.ZoneStatus> reload() throws IOException {
        List<ServedZones.ZoneStatus> report = assembled.zones().load();
        // as after the first load: the old index and the load's garbage go, and the heap they
        // needed goes back to the system instead of staying at the reload's peak
        System.gc();
        ServedZones.log(report);
        plugins.forEach(p -> p.loaded(report));
        return report;
    }

    /** What the plugins find wrong with an RRset about to be set at runtime; empty when nothing. */
    public List<Finding> checkRRset(List<Record> rrset) {
        return checkRRset(plugins, rrset);
    }

    /** The same checks for the API and for UPDATE: every plugin's, CAA validation among them. */
    private static List<Finding> checkRRset(List<Plugin> plugins, List<Record> rrset) {
        List<Finding> findings = new ArrayList<>();
        plugins.forEach(p -> findings.addAll(p.checkRRset(rrset)));
        return findings;
    }

    /** Every plugin's counters, for the metrics. */
    public List<PluginCounter> counters() {
        List<PluginCounter> counters = new ArrayList<>();
        plugins.forEach(p -> counters.addAll(p.counters()));
        return counters;
    }

    /** What the plugins show about one zone (zone transfers: history, secondaries), merged. */
    public java.util.Map<String, Object> zoneDetails(org.xbill.DNS.Name origin) {
        java.util.Map<String, Object> details = new java.util.LinkedHashMap<>();
        plugins.forEach(p -> details.putAll(p.zoneDetails(origin)));
        return details;
    }

    public ServedZones zones() {
        return assembled.zones();
    }

    /** What the plugins add to the zones at query time (for zone transfers, which write it out). */
    public dev.caadns.answer.ZoneSynthesis synthesis() {
        return assembled.synthesis();
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

    public List<InetSocketAddress> dotAddresses() {
        return network.dotAddresses();
    }

    public List<InetSocketAddress> dohAddresses() {
        return network.dohAddresses();
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
