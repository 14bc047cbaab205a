package dev.caadns.rrl;

import dev.caadns.answer.QueryHandler;
import dev.caadns.answer.ZoneSet;
import dev.caadns.server.Plugin;
import dev.caadns.server.PluginCounter;
import dev.caadns.wire.Query;
import dev.caadns.wire.Response;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * Response rate limiting as Knot and NSD do it: UDP answers are counted per client block (/24 for
 * IPv4, /56 for IPv6), response class and name (the question for positive answers, the zone or
 * delegation for negative ones, none for errors) in token buckets; over the rate, every slip-th
 * answer goes out truncated (the client can come back over TCP) and the rest are dropped. TCP and
 * clients that return a valid server cookie are never limited. Sits after the cookie module, around
 * everything that answers.
 */
public final class RrlPlugin implements Plugin {
    private final RrlSettings settings;
    private final RateTable table;
    private final LongSupplier millis;
    private final long ipv4Mask;
    private final AtomicLong limitedSeen = new AtomicLong();
    private final LongAdder slipped = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder cookieExempt = new LongAdder();

    /** @param millis the clock, in milliseconds */
    public RrlPlugin(RrlSettings settings, LongSupplier millis) {
        this.settings = settings;
        this.table = new RateTable(settings.rate(), settings.tableSize());
        this.millis = millis;
        this.ipv4Mask = (0xffffffffL << (32 - settings.ipv4Prefix())) & 0xffffffffL;
    }

    public static RrlPlugin forSettings(RrlSettings settings) {
        return new RrlPlugin(settings, System::currentTimeMillis);
    }

    @Override
    public QueryHandler handler(QueryHandler next, Supplier<ZoneSet> zones) {
        return (q, r) -> {
            next.handle(q, r);
            if (q.overTcp() || q.client() == null || r.drop()) {
                return;
            }
            if (q.validServerCookie()) {
                cookieExempt.increment();
                return;
            }
            if (!table.take(key(q, r), millis.getAsLong())) {
                limit(r);
            }
        };
    }

    private void limit(Response r) {
        long n = limitedSeen.getAndIncrement();
        if (settings.slip() > 0 && n % settings.slip() == 0) {
            slipped.increment();
            r.truncateToHeader();
            r.note("rrl: slipped");
        } else {
            dropped.increment();
            r.drop(true);
            r.note("rrl: dropped");
        }
    }

    /** The bucket: client block, response class and the name that class is counted by; never 0. */
    private long key(Query q, Response r) {
        ResponseClass kind = ResponseClass.of(q, r);
        long name = switch (kind) {
            case POSITIVE, ANY -> nameHash(q.name(), q.nameLength());
            case NXDOMAIN, NODATA, REFERRAL -> r.authority().isEmpty() || r.authority().rrset(0).owner() == null
                    ? nameHash(q.name(), q.nameLength()) : nameHash(r.authority().rrset(0).owner(), -1);
            case ERROR -> 0;
        };
        long block = block(q.client().getAddress());
        return (name * 0x9e3779b97f4a7c15L ^ block * 0xc2b2ae3d27d4eb4fL ^ (kind.ordinal() + 1L) << 56) | 1;
    }

    /** The client's address block: its first ipv4-prefix or ipv6-prefix bits. */
    private long block(InetAddress address) {
        if (address instanceof Inet4Address) {
            return address.hashCode() & ipv4Mask; // an Inet4Address's hash code is its address
        }
        byte[] bytes = address.getAddress();
        int bits = Math.min(settings.ipv6Prefix(), 64);
        long high = 0;
        for (int i = 0; i < 8; i++) {
            high = high << 8 | (bytes[i] & 0xff);
        }
        return (bits == 64 ? high : high & (-1L << (64 - bits))) ^ 0x6L << 60;
    }

    /** FNV-1a over the wire name, letters folded to lower case; length -1 = to the root label. */
    private static long nameHash(byte[] name, int length) {
        long h = 0xcbf29ce484222325L;
        int end = length;
        if (end < 0) {
            end = 0;
            while (name[end] != 0) {
                end += (name[end] & 0xff) + 1;
            }
            end++;
        }
        for (int i = 0; i < end; i++) {
            int b = name[i] & 0xff;
            if (b >= 'A' && b <= 'Z') {
                b += 'a' - 'A';
            }
            h = (h ^ b) * 0x100000001b3L;
        }
        return h;
    }

    @Override
    public List<PluginCounter> counters() {
        return List.of(new PluginCounter("caadns_rrl_total",
                "UDP answers response rate limiting acted on: slipped (sent truncated), dropped, or let "
                        + "through for a valid server cookie", "action", () -> {
                    Map<String, Long> values = new LinkedHashMap<>();
                    values.put("slipped", slipped.sum());
                    values.put("dropped", dropped.sum());
                    values.put("cookie_exempt", cookieExempt.sum());
                    return values;
                }));
    }
}
