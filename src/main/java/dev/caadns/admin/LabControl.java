package dev.caadns.admin;

import dev.caadns.answer.LocalLookup;
import dev.caadns.answer.QueryHandler;
import dev.caadns.answer.QueryObserver;
import dev.caadns.answer.ZoneSet;
import dev.caadns.lab.DefaultAddresses;
import dev.caadns.lab.Faults;
import dev.caadns.server.CaadnsServer;
import dev.caadns.server.Plugin;
import dev.caadns.server.ServedZones;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The lab as one plugin: fault rules at the head of the chain, challtestsrv's default addresses, the
 * journal and metrics watching every query, and the management API beside the DNS service.
 * Must come before the plugins that answer, so faults see every query before anything answers it.
 */
public final class LabControl implements Plugin {
    private final LabSettings settings;
    private final Optional<Explainer> explainer;
    private final Optional<TrustAnchors> anchors;
    private final Faults faults = new Faults();
    private final DefaultAddresses defaults = new DefaultAddresses();
    private final Journal journal;
    /** Made at start if the API or the journal file is on: building the mapper costs ~0.1 s. */
    private Json json;
    /** Made at start if the API is on, when the zones are known; queries before that are not counted. */
    private volatile LabMetrics metrics;
    private List<ServedZones.ZoneStatus> firstLoad = List.of();
    private ManagementServer management;

    public LabControl(LabSettings settings, Optional<Explainer> explainer) {
        this(settings, explainer, Optional.empty());
    }

    /** @param anchors the signer's trust anchors, for GET /api/v1/dnssec/anchors; empty when nothing is signed */
    public LabControl(LabSettings settings, Optional<Explainer> explainer, Optional<TrustAnchors> anchors) {
        this.settings = settings;
        this.explainer = explainer;
        this.anchors = anchors;
        this.journal = new Journal(settings.journalSize());
        settings.faults().forEach(faults::add);
        configuredDefaults();
    }

    /** The default addresses of the config, as at start: what DELETE /api/v1/overlay goes back to. */
    private void configuredDefaults() {
        defaults.ipv4(settings.defaultIpv4());
        defaults.ipv6(settings.defaultIpv6());
    }

    @Override
    public QueryHandler handler(QueryHandler next, Supplier<ZoneSet> zones) {
        return faults.handler(defaults.handler(next, zones));
    }

    @Override
    public QueryObserver observer() {
        return QueryObserver.all(List.of(journal, (q, r, client, length, nanos) -> {
            LabMetrics m = metrics;
            if (m != null) {
                m.observe(q, r, client, length, nanos);
            }
        }));
    }

    @Override
    public synchronized void loaded(List<ServedZones.ZoneStatus> report) {
        if (metrics == null) {
            firstLoad = report;
        } else {
            metrics.loaded(report);
        }
    }

    @Override
    public synchronized AutoCloseable start(CaadnsServer server) throws CaadnsServer.StartupException {
        // Only what the config asks for: the metrics are read at /metrics alone, and JSON is written
        // by the API and the journal file (Prometheus and Jackson are ~500 classes and their heap).
        if (settings.listen().isPresent()) {
            metrics = new LabMetrics(server.zones(), faults, server.counters());
            metrics.loaded(firstLoad);
        }
        if (settings.listen().isPresent() || settings.journalFile().isPresent()) {
            json = new Json();
        }
        List<AutoCloseable> running = new ArrayList<>();
        try {
            if (settings.journalFile().isPresent()) {
                running.add(new JournalFile(journal, settings.journalFile().get(), json.mapper()));
            }
            if (settings.listen().isPresent()) {
                management = ManagementServer.start(settings, routes(server), json.mapper());
                running.add(management);
            }
        } catch (IOException | RuntimeException e) {
            closeAll(running);
            throw new CaadnsServer.StartupException("cannot start lab control: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeAll(running);
            throw new CaadnsServer.StartupException("interrupted while starting the management API", e);
        }
        return () -> closeAll(running);
    }

    /** The management API, once started; empty when management.listen is off. */
    public Optional<ManagementServer> management() {
        return Optional.ofNullable(management);
    }

    private Router routes(CaadnsServer server) {
        Router router = new Router();
        RRsetChange change = new RRsetChange(server);
        new ChalltestsrvEndpoints(server.zones(), change, defaults, faults, journal, json).register(router);
        new ZoneEndpoints(server, change, json, this::configuredDefaults).register(router);
        new HttpreqEndpoints(change, server.zones()).register(router);
        new FaultEndpoints(faults, json).register(router);
        new JournalEndpoints(journal, json).register(router);
        new ExplainEndpoint(explainer, new LocalLookup(server.chain())).register(router);
        new AnchorsEndpoint(anchors, server.zones(), json).register(router);
        router.add("GET", "/metrics", r -> {
            try {
                return new ApiResponse(200, LabMetrics.contentType(), metrics.scrape());
            } catch (IOException e) {
                throw new ApiException(500, "cannot write metrics: " + e.getMessage());
            }
        });
        return router;
    }

    private static void closeAll(List<AutoCloseable> running) throws CaadnsServer.StartupException {
        for (int i = running.size() - 1; i >= 0; i--) {
            try {
                running.get(i).close();
            } catch (Exception e) {
                throw new CaadnsServer.StartupException("stopping lab control failed: " + e.getMessage(), e);
            }
        }
    }
}
