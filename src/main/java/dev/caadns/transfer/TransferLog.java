package dev.caadns.transfer;

import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * What transfers and NOTIFYs did: one log line each, counts by kind and result (for /metrics), and
 * the last of each per zone and secondary (for /api/v1/zones).
 */
public final class TransferLog {
    private static final Logger log = LoggerFactory.getLogger(TransferLog.class);

    /** The last transfer to one client, or the last NOTIFY to one secondary. */
    public record Event(String time, String kind, long serial, String result) {
    }

    private final ConcurrentMap<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentMap<Name, ConcurrentMap<String, Event>> transfers = new ConcurrentHashMap<>();
    private final ConcurrentMap<Name, ConcurrentMap<String, Event>> notifies = new ConcurrentHashMap<>();

    /** A transfer answered, refused or cut short. kind: AXFR, IXFR, IXFR-AXFR (whole zone), IXFR-UPTODATE. */
    void transfer(Name zone, InetSocketAddress client, String kind, long serial, String result, String detail) {
        count("transfer", kind, result);
        String who = address(client);
        transfers.computeIfAbsent(zone, z -> new ConcurrentHashMap<>())
                .put(client == null ? who : client.getAddress().getHostAddress(), new Event(Instant.now().toString(), kind, serial, result));
        if (result.equals("ok")) {
            log.info("{} of {} serial {} to {}: {}", kind, zone, serial, who, detail);
        } else {
            log.warn("{} of {} to {} {}: {}", kind, zone, who, result, detail);
        }
    }

    /** A NOTIFY acknowledged, or given up on. */
    void notified(Name zone, InetSocketAddress secondary, long serial, String result, String detail) {
        count("notify", "NOTIFY", result);
        notifies.computeIfAbsent(zone, z -> new ConcurrentHashMap<>())
                .put(address(secondary), new Event(Instant.now().toString(), "NOTIFY", serial, result));
        if (result.equals("ok")) {
            log.info("NOTIFY of {} serial {} to {}: {}", zone, serial, address(secondary), detail);
        } else {
            log.warn("NOTIFY of {} serial {} to {} {}: {}", zone, serial, address(secondary), result, detail);
        }
    }

    private void count(String what, String kind, String result) {
        String series = switch (kind) {
            case "AXFR", "NOTIFY" -> kind.toLowerCase() + "/" + result;
            default -> "ixfr/" + (!result.equals("ok") ? result : switch (kind) {
                case "IXFR-AXFR" -> "whole_zone";
                case "IXFR-UPTODATE" -> "up_to_date";
                case "IXFR-UDP-SOA" -> "soa_only";
                default -> "incremental";
            });
        };
        counts.computeIfAbsent(series, k -> new LongAdder()).increment();
    }

    /**
     * Counts by result for one type, {@code axfr}, {@code ixfr} or {@code notify}: ok (IXFR:
     * incremental, whole_zone, up_to_date, soa_only), refused, notauth, formerr, cut_short; NOTIFY:
     * ok, retrying, failed.
     */
    public Map<String, Long> counts(String type) {
        Map<String, Long> out = new java.util.TreeMap<>();
        counts.forEach((k, v) -> {
            if (k.startsWith(type + "/")) {
                out.put(k.substring(type.length() + 1), v.sum());
            }
        });
        return out;
    }

    /** The last transfer to each client of the zone, by its IP address. */
    public Map<String, Event> lastTransfers(Name zone) {
        return Map.copyOf(transfers.getOrDefault(zone, new ConcurrentHashMap<>()));
    }

    /** The last NOTIFY to each secondary of the zone, by its address. */
    public Map<String, Event> lastNotifies(Name zone) {
        return Map.copyOf(notifies.getOrDefault(zone, new ConcurrentHashMap<>()));
    }

    static String address(InetSocketAddress a) {
        if (a == null) {
            return "in-process";
        }
        String host = a.getAddress() == null ? a.getHostString() : a.getAddress().getHostAddress();
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
