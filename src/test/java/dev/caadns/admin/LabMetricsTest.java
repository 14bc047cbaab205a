package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.lab.Faults;
import dev.caadns.server.ServedZones;
import dev.caadns.wire.ParseResult;
import dev.caadns.wire.Query;
import dev.caadns.wire.QueryParser;
import dev.caadns.wire.Response;
import dev.caadns.wire.Transport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class LabMetricsTest {
    /** Durations at and around the bucket bounds, in nanoseconds. */
    private static final long[] NANOS = {0, 5000, 10000, 10001, 24999, 25000, 60000, 100000, 1000000, 99999999,
        100000000, 100000001, 3000000000L, 123456};

    /**
     * What prometheus-metrics-core's classic Histogram (the one LabMetrics used before) printed for
     * NANOS / 1e9 seconds: every bucket, the count and the sum.
     */
    private static final String CLIENT_LIBRARY_HISTOGRAM = """
            # HELP caadns_query_duration_seconds Time from parsed query to encoded reply
            # TYPE caadns_query_duration_seconds histogram
            caadns_query_duration_seconds_bucket{le="1.0E-5"} 3
            caadns_query_duration_seconds_bucket{le="2.5E-5"} 6
            caadns_query_duration_seconds_bucket{le="5.0E-5"} 6
            caadns_query_duration_seconds_bucket{le="1.0E-4"} 8
            caadns_query_duration_seconds_bucket{le="2.5E-4"} 9
            caadns_query_duration_seconds_bucket{le="5.0E-4"} 9
            caadns_query_duration_seconds_bucket{le="0.001"} 10
            caadns_query_duration_seconds_bucket{le="0.005"} 10
            caadns_query_duration_seconds_bucket{le="0.025"} 10
            caadns_query_duration_seconds_bucket{le="0.1"} 12
            caadns_query_duration_seconds_bucket{le="+Inf"} 14
            caadns_query_duration_seconds_count 14
            caadns_query_duration_seconds_sum 3.301358456
            """;

    @Test
    void theLatencyHistogramPrintsWhatTheClientLibrarysHistogramPrintedForTheSameQueries() throws Exception {
        LabMetrics metrics = new LabMetrics(new ServedZones(List::of), new Faults(), List.of());
        Query query = caaQuery();
        Response response = new Response();
        for (long nanos : NANOS) {
            metrics.observe(query, response, null, 60, nanos);
        }

        String text = new String(metrics.scrape(), StandardCharsets.UTF_8);

        assertThat(text).contains(CLIENT_LIBRARY_HISTOGRAM);
        assertThat(text).contains("caadns_queries_total{rcode=\"NOERROR\",transport=\"udp\",type=\"CAA\"} 14.0");
    }

    private static Query caaQuery() throws Exception {
        byte[] wire = Message.newQuery(Record.newRecord(Name.fromString("h1.bench.test."), Type.CAA, DClass.IN))
                .toWire();
        Query query = new Query();
        query.arrivedBy(Transport.UDP, null);
        assertThat(QueryParser.parse(wire, wire.length, query)).isEqualTo(ParseResult.OK);
        return query;
    }
}
