package dev.caadns.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * lego's {@code httpreq} DNS provider: {@code POST /present} and {@code POST /cleanup} with
 * {@code {"fqdn", "value"}}, or with {@code HTTPREQ_MODE=RAW} {@code {"domain", "token", "keyAuth"}},
 * whose TXT value is computed as lego does (base64url of the SHA-256 of keyAuth, no padding). The TXT
 * goes into the overlay as {@code /set-txt} puts it; cleanup removes that one value. Optional HTTP
 * basic auth ({@code management.httpreq}) is checked by {@link HttpApiHandler} for these paths.
 */
final class HttpreqEndpoints {
    static final List<String> PATHS = List.of("/present", "/cleanup");
    private static final long TTL = 0;

    /** Either mode's fields; lego sends one set or the other. */
    record Challenge(String fqdn, String value, String domain, String token, String keyAuth) {
    }

    private record Txt(Name owner, String value) {
    }

    private final RRsetChange change;
    private final dev.caadns.server.ServedZones zones;

    HttpreqEndpoints(RRsetChange change, dev.caadns.server.ServedZones zones) {
        this.change = change;
        this.zones = zones;
    }

    void register(Router router) {
        router.add("POST", PATHS.get(0), r -> present(txt(r.body(Challenge.class))))
                .add("POST", PATHS.get(1), r -> cleanup(txt(r.body(Challenge.class))));
    }

    private ApiResponse present(Txt txt) {
        List<Record> records = change.appendable(txt.owner(), Type.TXT);
        Record record = LiteralRdata.txt(txt.owner(), TTL, txt.value());
        records.removeIf(record::equals);
        records.add(record);
        change.replace(txt.owner(), Type.TXT, records);
        return ApiResponse.ok();
    }

    private ApiResponse cleanup(Txt txt) {
        List<Record> records = change.appendable(txt.owner(), Type.TXT);
        if (records.removeIf(LiteralRdata.txt(txt.owner(), TTL, txt.value())::equals)) {
            if (records.isEmpty()) {
                zones.revert(txt.owner(), Type.TXT);
            } else {
                change.replace(txt.owner(), Type.TXT, records);
            }
        }
        return ApiResponse.ok();
    }

    private static Txt txt(Challenge c) {
        if (c.fqdn() != null || c.value() != null) {
            if (c.fqdn() == null || c.value() == null || c.value().isEmpty() || c.domain() != null
                    || c.keyAuth() != null) {
                throw ApiException.badRequest("expected {\"fqdn\", \"value\"} or, in RAW mode, "
                        + "{\"domain\", \"token\", \"keyAuth\"}");
            }
            return new Txt(Names.parse("fqdn", c.fqdn(), Name.root), c.value());
        }
        if (c.domain() == null || c.domain().isEmpty() || c.keyAuth() == null || c.keyAuth().isEmpty()) {
            throw ApiException.badRequest("expected {\"fqdn\", \"value\"} or, in RAW mode, "
                    + "{\"domain\", \"token\", \"keyAuth\"}");
        }
        String domain = c.domain().endsWith(".") ? c.domain() : c.domain() + ".";
        return new Txt(Names.parse("domain", "_acme-challenge." + domain, Name.root), dns01Value(c.keyAuth()));
    }

    /** RFC 8555 §8.4: base64url(SHA-256(key authorization)), no padding. */
    static String dns01Value(String keyAuthorization) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyAuthorization.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
