package dev.caadns.admin;

import dev.caadns.answer.QueryObserver;
import dev.caadns.lab.Faults;
import dev.caadns.server.PluginCounter;
import dev.caadns.server.ServedZones;
import dev.caadns.wire.Query;
import dev.caadns.wire.Response;
import dev.caadns.wire.Transport;
import dev.caadns.zone.Finding;
import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * The Prometheus metrics of one server: queries by type, rcode and transport, latency, zones, loads,
 * faults fired and findings by code. Served as text at /metrics by our own HTTP server.
 */
public final class LabMetrics implements QueryObserver {
    /** Types above this share the label {@code other}, so odd queries cannot grow the label set without end. */
    private static final int TYPES = 512;
    private static final int RCODES = 32;
    private static final Transport[] TRANSPORTS = Transport.values();

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final Counter queries;
    /** Data points by (type, rcode, transport), found once, so counting a query does not allocate. */
    private final AtomicReferenceArray<CounterDataPoint> points = new AtomicReferenceArray<>((TYPES + 1) * RCODES * TRANSPORTS.length);
    private final Latency latency = new Latency();
    private final Counter zoneLoads;
    private final Counter updates;
    private volatile Map<String, Long> findingsByCode = Map.of();
    private final ServedZones zones;

    /** @param counters what other plugins count (cookies, rate limiting), shown beside the lab's own */
    public LabMetrics(ServedZones zones, Faults faults, List<PluginCounter> counters) {
        this.zones = zones;
        queries = Counter.builder().name("caadns_queries_total")
                .help("Queries answered (or dropped), by query type, rcode and transport")
                .labelNames("type", "rcode", "transport").withoutExemplars().register(registry);
        registry.register(latency);
        updates = Counter.builder().name("caadns_updates_total")
                .help("RFC 2136 UPDATE messages by rcode (NOERROR = applied) and transport; not in caadns_queries_total")
                .labelNames("rcode", "transport").register(registry);
        zoneLoads = Counter.builder().name("caadns_zone_loads_total")
                .help("Zone loads and reloads by result: served, kept_previous or not_served")
                .labelNames("zone", "result").register(registry);
        GaugeWithCallback.builder().name("caadns_zone_records").help("Records served, per zone")
                .labelNames("zone").callback(cb -> zones.list().forEach(
                        z -> cb.call(z.records(), z.origin().toString()))).register(registry);
        CounterWithCallback.builder().name("caadns_faults_fired_total").help("Queries hit by a fault, by action")
                .labelNames("action").callback(cb -> faults.firedByAction().forEach(
                        (action, count) -> cb.call(count, action.label()))).register(registry);
        for (PluginCounter counter : counters) {
            CounterWithCallback.builder().name(counter.name()).help(counter.help()).labelNames(counter.label())
                    .callback(cb -> counter.values().get().forEach((label, count) -> cb.call(count, label)))
                    .register(registry);
        }
        GaugeWithCallback.builder().name("caadns_findings").help("Findings of the last load, by code (CAA codes included)")
                .labelNames("code").callback(cb -> findingsByCode.forEach(
                        (code, count) -> cb.call(count, code))).register(registry);
    }

    @Override
    public void observe(Query query, Response response, InetSocketAddress client, int replyLength, long nanos) {
        if (query.opcode() == Query.UPDATE) {
            updates.labelValues(Rcode.string(response.rcode()), query.overTcp() ? "tcp" : "udp").inc();
            return;
        }
        int type = query.hasQuestion() && query.type() < TYPES ? query.type() : TYPES;
        int rcode = Math.min(response.rcode(), RCODES - 1);
        Transport transport = query.transport();
        int slot = (type * RCODES + rcode) * TRANSPORTS.length + transport.ordinal();
        CounterDataPoint point = points.get(slot);
        if (point == null) {
            point = queries.labelValues(type == TYPES ? "other" : Type.string(type), Rcode.string(rcode),
                    transport.label());
            points.set(slot, point);
        }
        point.inc();
        latency.observe(nanos);
    }

    /** Counts a load or reload: each zone's result, and the findings by code. */
    public void loaded(List<ServedZones.ZoneStatus> report) {
        Map<String, Long> byCode = new TreeMap<>();
        for (ServedZones.ZoneStatus z : report) {
            String result = z.served() ? "served" : z.keptPrevious() ? "kept_previous" : "not_served";
            zoneLoads.labelValues(z.origin().toString(), result).inc();
            for (Finding f : z.findings()) {
                byCode.merge(f.code(), 1L, Long::sum);
            }
        }
        findingsByCode = Map.copyOf(byCode);
    }

    /** Every metric in the Prometheus text format. */
    public byte[] scrape() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrometheusTextFormatWriter.create().write(out, registry.scrape());
        out.write(serials().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /**
     * {@code caadns_zone_serial}, written here because the client library prints every value as a
     * Java double, and a serial such as 2026112801 would read 2.026112801E9.
     */
    private String serials() {
        StringBuilder text = new StringBuilder("# HELP caadns_zone_serial SOA serial served, per zone\n"
                + "# TYPE caadns_zone_serial gauge\n");
        for (ServedZones.ServedZone zone : zones.list()) {
            text.append("caadns_zone_serial{zone=\"").append(labelValue(zone.origin().toString()))
                    .append("\"} ").append(zone.serial()).append('\n');
        }
        return text.toString();
    }

    /** Escaped as the text format wants: backslash, quote and newline. */
    private static String labelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /**
     * caadns_query_duration_seconds, a classic histogram counted here: the client library's Histogram
     * allocated an AtomicBoolean and a lambda on every observation (its native-histogram reset check,
     * even when classic only) and took four atomic updates; this takes two LongAdder increments. The
     * scrape builds the same snapshot the library's would, so /metrics prints the same lines.
     */
    private static final class Latency implements Collector {
        private static final double[] BOUNDS = {0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.005,
                0.025, 0.1, Double.POSITIVE_INFINITY};
        /** The bounds in whole nanoseconds: n ns lies in the first bucket whose bound is >= n / 1e9. */
        private static final long[] BOUND_NANOS = new long[BOUNDS.length - 1];
        static {
            for (int i = 0; i < BOUND_NANOS.length; i++) {
                BOUND_NANOS[i] = Math.round(BOUNDS[i] * 1e9);
            }
        }

        private final LongAdder[] buckets = new LongAdder[BOUNDS.length];
        private final LongAdder sumNanos = new LongAdder();

        Latency() {
            for (int i = 0; i < buckets.length; i++) {
                buckets[i] = new LongAdder();
            }
        }

        void observe(long nanos) {
            int i = 0;
            while (i < BOUND_NANOS.length && nanos > BOUND_NANOS[i]) {
                i++;
            }
            buckets[i].increment();
            sumNanos.add(nanos);
        }

        @Override
        public MetricSnapshot collect() {
            long[] counts = new long[buckets.length];
            for (int i = 0; i < counts.length; i++) {
                counts[i] = buckets[i].sum();
            }
            return HistogramSnapshot.builder().name("caadns_query_duration_seconds")
                    .help("Time from parsed query to encoded reply")
                    .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                            .classicHistogramBuckets(ClassicHistogramBuckets.of(BOUNDS, counts))
                            .sum(sumNanos.sum() / 1e9).build())
                    .build();
        }

        @Override
        public String getPrometheusName() {
            return "caadns_query_duration_seconds";
        }
    }

    public static String contentType() {
        return PrometheusTextFormatWriter.CONTENT_TYPE;
    }
}
