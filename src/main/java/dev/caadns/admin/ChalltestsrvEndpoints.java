package dev.caadns.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.caadns.lab.DefaultAddresses;
import dev.caadns.lab.FaultAction;
import dev.caadns.lab.FaultRule;
import dev.caadns.lab.Faults;
import dev.caadns.lab.Transport;
import dev.caadns.server.ServedZones;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * pebble-challtestsrv's DNS management endpoints, same paths, bodies and status codes (200 with an
 * empty body, 400 for a bad one), so suites written for it run unchanged. Records go to the overlay
 * with TTL 0, as challtestsrv answers; add-* appends to what the overlay holds, clear-* reverts to the
 * zone files' data.
 */
final class ChalltestsrvEndpoints {
    private static final long TTL = 0;
    private static final String SERVFAIL_ID = "servfail:";

    record Host(String host) {
    }

    record Addresses(String host, List<String> addresses) {
    }

    record CaaPolicy(String tag, String value) {
    }

    record Caa(String host, List<CaaPolicy> policies) {
    }

    record Txt(String host, String value) {
    }

    record Cname(String host, String target) {
    }

    record Ip(String ip) {
    }

    record HistoryClear(String host, String type) {
    }

    /**
     * One DNS event as challtestsrv writes it: {@code {"Question":{"Name","Qtype","Qclass"},"UserAgent"}};
     * the User-Agent is a DoH client's, "" over UDP and TCP.
     */
    record DnsEvent(@JsonProperty("Question") Question question, @JsonProperty("UserAgent") String userAgent) {
    }

    record Question(@JsonProperty("Name") String name, @JsonProperty("Qtype") int qtype,
                    @JsonProperty("Qclass") int qclass) {
    }

    private final ServedZones zones;
    private final RRsetChange change;
    private final DefaultAddresses defaults;
    private final Faults faults;
    private final Journal journal;
    private final Json json;
    /** Per host key, the journal position before which /dns-request-history no longer shows queries. */
    private final Map<String, Long> historyClearedAt = new ConcurrentHashMap<>();

    ChalltestsrvEndpoints(ServedZones zones, RRsetChange change, DefaultAddresses defaults, Faults faults,
                          Journal journal, Json json) {
        this.zones = zones;
        this.change = change;
        this.defaults = defaults;
        this.faults = faults;
        this.journal = journal;
        this.json = json;
    }

    void register(Router router) {
        router.add("POST", "/add-a", r -> add(r.body(Addresses.class), Type.A, this::a))
                .add("POST", "/clear-a", r -> clear(r.body(Host.class).host(), Type.A))
                .add("POST", "/add-aaaa", r -> add(r.body(Addresses.class), Type.AAAA, this::aaaa))
                .add("POST", "/clear-aaaa", r -> clear(r.body(Host.class).host(), Type.AAAA))
                .add("POST", "/add-caa", r -> addCaa(r.body(Caa.class)))
                .add("POST", "/clear-caa", r -> clear(r.body(Host.class).host(), Type.CAA))
                .add("POST", "/set-txt", r -> addTxt(r.body(Txt.class)))
                .add("POST", "/clear-txt", r -> clear(r.body(Host.class).host(), Type.TXT))
                .add("POST", "/set-cname", r -> setCname(r.body(Cname.class)))
                .add("POST", "/clear-cname", r -> clear(r.body(Host.class).host(), Type.CNAME))
                .add("POST", "/set-servfail", r -> setServfail(r.body(Host.class).host()))
                .add("POST", "/clear-servfail", r -> clearServfail(r.body(Host.class).host()))
                .add("POST", "/set-default-ipv4", r -> defaultIpv4(r.body(Ip.class).ip()))
                .add("POST", "/set-default-ipv6", r -> defaultIpv6(r.body(Ip.class).ip()))
                .add("POST", "/dns-request-history", r -> history(r.body(Host.class).host()))
                .add("POST", "/clear-request-history", r -> clearHistory(r.body(HistoryClear.class)));
    }

    private ApiResponse add(Addresses body, int type, BiFunction<Name, String, Record> record) {
        Name host = host(body.host());
        if (body.addresses() == null || body.addresses().isEmpty()) {
            throw ApiException.badRequest("addresses: at least one address is required");
        }
        List<Record> records = change.appendable(host, type);
        body.addresses().forEach(a -> records.add(record.apply(host, a)));
        change.replace(host, type, records);
        return ApiResponse.ok();
    }

    private Record a(Name host, String address) {
        return new ARecord(host, DClass.IN, TTL, address(address, Inet4Address.class, "an IPv4"));
    }

    private Record aaaa(Name host, String address) {
        return new AAAARecord(host, DClass.IN, TTL, address(address, Inet6Address.class, "an IPv6"));
    }

    private ApiResponse addCaa(Caa body) {
        Name host = host(body.host());
        if (body.policies() == null || body.policies().isEmpty()) {
            throw ApiException.badRequest("policies: at least one {\"tag\", \"value\"} is required");
        }
        List<Record> records = change.appendable(host, Type.CAA);
        for (CaaPolicy p : body.policies()) {
            if (p == null || p.tag() == null || p.tag().isEmpty() || p.value() == null) {
                throw ApiException.badRequest("policies: each needs a tag and a value");
            }
            records.add(LiteralRdata.caa(host, TTL, p.tag(), p.value()));
        }
        change.replace(host, Type.CAA, records);
        return ApiResponse.ok();
    }

    private ApiResponse addTxt(Txt body) {
        Name host = host(body.host());
        if (body.value() == null || body.value().isEmpty()) {
            throw ApiException.badRequest("value: required");
        }
        List<Record> records = change.appendable(host, Type.TXT);
        records.add(LiteralRdata.txt(host, TTL, body.value()));
        change.replace(host, Type.TXT, records);
        return ApiResponse.ok();
    }

    private ApiResponse setCname(Cname body) {
        Name host = host(body.host());
        Name target = Names.parse("target", body.target(), Name.root);
        change.replace(host, Type.CNAME, List.of(new CNAMERecord(host, DClass.IN, TTL, target)));
        return ApiResponse.ok();
    }

    private ApiResponse clear(String text, int type) {
        change.revert(host(text), type);
        return ApiResponse.ok();
    }

    /** SERVFAIL for every query of the host, as a fault rule with a known id. */
    private ApiResponse setServfail(String text) {
        Name host = host(text);
        String id = SERVFAIL_ID + host;
        faults.remove(id);
        faults.add(new FaultRule(id, host, false, Set.of(), Transport.ANY, FaultAction.SERVFAIL, 0, -1, "", 0, 1));
        return ApiResponse.ok();
    }

    private ApiResponse clearServfail(String text) {
        faults.remove(SERVFAIL_ID + host(text));
        return ApiResponse.ok();
    }

    private ApiResponse defaultIpv4(String ip) {
        defaults.ipv4(ip == null || ip.isEmpty() ? Optional.empty()
                : Optional.of(address(ip, Inet4Address.class, "an IPv4")));
        return ApiResponse.ok();
    }

    private ApiResponse defaultIpv6(String ip) {
        defaults.ipv6(ip == null || ip.isEmpty() ? Optional.empty()
                : Optional.of(address(ip, Inet6Address.class, "an IPv6")));
        return ApiResponse.ok();
    }

    /** The queries for one host since its history was last cleared, oldest first, as challtestsrv lists them. */
    private ApiResponse history(String text) {
        String key = key(text);
        long from = historyClearedAt.getOrDefault(key, 0L);
        List<DnsEvent> events = new ArrayList<>();
        for (JournalEntry e : journal.since(from, e -> e.opcode().equals("QUERY") && !e.type().isEmpty()
                && key(e.name()).equals(key))) {
            events.add(new DnsEvent(new Question(e.name(), Type.value(e.type()), DClass.IN), e.userAgent()));
        }
        return ApiResponse.json(200, json.write(events));
    }

    /** Only DNS history is kept; clearing HTTP or TLS-ALPN history succeeds with nothing to do. */
    private ApiResponse clearHistory(HistoryClear body) {
        String key = key(body.host());
        String type = body.type() == null ? "" : body.type();
        switch (type) {
            case "dns" -> historyClearedAt.put(key, journal.nextSeq());
            case "http", "tlsalpn" -> {
            }
            default -> throw ApiException.badRequest("\"" + type + "\" event type unknown");
        }
        return ApiResponse.ok();
    }

    private static Name host(String text) {
        return Names.parse("host", text, Name.root);
    }

    /** challtestsrv keys history by the name without its final dot; letter case is ignored here. */
    private static String key(String host) {
        if (host == null || host.isEmpty()) {
            throw ApiException.badRequest("host parameter of POST body must not be empty");
        }
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static <T extends InetAddress> T address(String text, Class<T> family, String what) {
        try {
            return DefaultAddresses.literal(text, family, what);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
