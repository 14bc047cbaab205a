package dev.caadns.admin;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.caadns.answer.ZoneSet;
import dev.caadns.dnssec.AnchorFormat;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.xbill.DNS.DSRecord;

/**
 * GET /api/v1/dnssec/anchors: the trust anchors of the signed zones as {@code caadns dnssec anchors}
 * prints them: {@code ds} (one DS per entry), and the whole {@code unbound} and {@code bind} texts.
 */
final class AnchorsEndpoint {
    private final Optional<TrustAnchors> anchors;
    private final Supplier<ZoneSet> zones;
    private final Json json;

    AnchorsEndpoint(Optional<TrustAnchors> anchors, Supplier<ZoneSet> zones, Json json) {
        this.anchors = anchors;
        this.zones = zones;
        this.json = json;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/dnssec/anchors", this::anchors);
    }

    private ApiResponse anchors(ApiRequest r) {
        if (anchors.isEmpty()) {
            throw new ApiException(404, "no zone is signed: set dnssec.sign = true in the config");
        }
        List<DSRecord> ds = anchors.get().of(zones.get());
        ObjectNode body = json.mapper().createObjectNode();
        ArrayNode lines = body.putArray("ds");
        ds.forEach(d -> lines.add(d.toString()));
        body.put("unbound", AnchorFormat.UNBOUND.render(ds));
        body.put("bind", AnchorFormat.BIND.render(ds));
        return ApiResponse.json(200, body.toString());
    }
}
