package dev.caadns.cookies;

import dev.caadns.answer.QueryHandler;
import dev.caadns.answer.ZoneSet;
import dev.caadns.server.Plugin;
import dev.caadns.server.PluginCounter;
import dev.caadns.wire.Query;
import dev.caadns.wire.Response;
import java.net.InetAddress;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * DNS Cookies (RFC 7873) as a module, as Knot's mod-cookies: a client cookie gets a server cookie
 * (RFC 9018) back; a server cookie that is not ours, or out of date, gets BADCOOKIE and a fresh one
 * over UDP (every Nth, the others no reply: the slip), while TCP, which proves the address already,
 * answers normally. With {@code require-server-cookie}, as in Knot, a client cookie alone over UDP is
 * treated as a bad one. A malformed COOKIE option is FORMERR, decided by the parser. A query with a valid
 * server cookie is marked, so rate limiting lets it through. Sits first in the chain.
 */
public final class CookiesPlugin implements Plugin {
    private static final int CLIENT = 8;

    private final ServerCookies cookies;
    private final int slip;
    private final boolean requireServerCookie;
    private final LongSupplier seconds;
    private final AtomicLong badSeen = new AtomicLong();
    private final LongAdder clientOnly = new LongAdder();
    private final LongAdder valid = new LongAdder();
    private final LongAdder badcookie = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder badOverTcp = new LongAdder();

    /** @param seconds the clock, in seconds since the epoch */
    public CookiesPlugin(CookieSettings settings, LongSupplier seconds) {
        this.cookies = settings.secret().map(ServerCookies::fixed)
                .orElseGet(() -> ServerCookies.rolling(settings.lifetime().toSeconds(), seconds.getAsLong()));
        this.slip = settings.badcookieSlip();
        this.requireServerCookie = settings.requireServerCookie();
        this.seconds = seconds;
    }

    public static CookiesPlugin forSettings(CookieSettings settings) {
        return new CookiesPlugin(settings, () -> System.currentTimeMillis() / 1000);
    }

    @Override
    public QueryHandler handler(QueryHandler next, Supplier<ZoneSet> zones) {
        return (q, r) -> {
            int length = q.cookieLength();
            if (length == 0 || q.client() == null) {
                next.handle(q, r);
                return;
            }
            InetAddress client = q.client().getAddress();
            long now = seconds.getAsLong();
            boolean serverCookie = length > CLIENT;
            boolean ours = serverCookie && cookies.valid(q.cookie(), length, client, now);
            if ((serverCookie || requireServerCookie) && !ours && !q.overTcp()) {
                badCookie(q, r, client, now);
                return;
            }
            count(serverCookie, ours);
            q.validServerCookie(ours);
            next.handle(q, r);
            byte[] reply = r.cookie();
            if (ours && !ServerCookies.worn(q.cookie(), now)) {
                System.arraycopy(q.cookie(), 0, reply, 0, ServerCookies.OPTION_LENGTH);
            } else {
                freshCookie(q, r, client, now);
            }
            r.cookieLength(ServerCookies.OPTION_LENGTH);
        };
    }

    private void count(boolean serverCookie, boolean ours) {
        if (ours) {
            valid.increment();
        } else if (serverCookie) {
            badOverTcp.increment();
        } else {
            clientOnly.increment();
        }
    }

    /** RFC 7873 §5.2.3: BADCOOKIE with a fresh server cookie, so the client retries with it; or, by the slip, nothing. */
    private void badCookie(Query q, Response r, InetAddress client, long now) {
        if (slip > 1 && badSeen.getAndIncrement() % slip != 0) {
            dropped.increment();
            r.drop(true);
            return;
        }
        badcookie.increment();
        r.rcode(Response.BADCOOKIE);
        freshCookie(q, r, client, now);
        r.cookieLength(ServerCookies.OPTION_LENGTH);
        r.note("badcookie");
    }

    private void freshCookie(Query q, Response r, InetAddress client, long now) {
        System.arraycopy(q.cookie(), 0, r.cookie(), 0, CLIENT);
        cookies.make(r.cookie(), client, now);
    }

    @Override
    public List<PluginCounter> counters() {
        return List.of(new PluginCounter("caadns_cookies_total",
                "Queries with a COOKIE option, by what was in it and what they got", "result", () -> {
                    Map<String, Long> values = new LinkedHashMap<>();
                    values.put("client_only", clientOnly.sum());
                    values.put("valid", valid.sum());
                    values.put("bad_over_tcp", badOverTcp.sum());
                    values.put("badcookie", badcookie.sum());
                    values.put("slipped", dropped.sum());
                    return values;
                }));
    }
}
