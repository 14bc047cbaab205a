package dev.caadns.admin;

import dev.caadns.lab.FaultRule;
import dev.caadns.lab.FaultRuleParser;
import dev.caadns.lab.Faults;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Type;

/** /api/v1/faults: list, add (same shape as a config entry), remove one, remove all. */
final class FaultEndpoints {
    private final Faults faults;
    private final Json json;

    FaultEndpoints(Faults faults, Json json) {
        this.faults = faults;
        this.json = json;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/faults", r -> list())
                .add("POST", "/api/v1/faults", this::add)
                .add("DELETE", "/api/v1/faults", r -> clear())
                .add("DELETE", "/api/v1/faults/{id}", this::remove);
    }

    private ApiResponse list() {
        List<Map<String, Object>> views = faults.list().stream()
                .map(s -> view(s.rule(), s.fired(), s.remaining())).toList();
        return ApiResponse.json(200, json.write(views));
    }

    private ApiResponse add(ApiRequest r) {
        Map<?, ?> body = r.body(Map.class);
        try {
            FaultRule added = faults.add(FaultRuleParser.parse(body));
            return ApiResponse.json(201, json.write(view(added, 0, added.times() == 0 ? -1 : added.times())));
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("fault: " + e.getMessage());
        }
    }

    private ApiResponse remove(ApiRequest r) {
        if (!faults.remove(r.variable("id"))) {
            throw ApiException.notFound("no fault " + r.variable("id"));
        }
        return ApiResponse.noContent();
    }

    private ApiResponse clear() {
        faults.clear();
        return ApiResponse.noContent();
    }

    /** A rule in the shape it is written in, plus its counters. */
    static Map<String, Object> view(FaultRule rule, long fired, int remaining) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", rule.id());
        view.put("name", rule.name().toString());
        view.put("subtree", rule.subtree());
        view.put("types", rule.types().stream().map(Type::string).sorted().toList());
        view.put("transport", rule.transport().label());
        view.put("action", rule.action().label());
        view.put("delay", rule.delayMillis());
        if (rule.edeCode() >= 0) {
            view.put("ede", Map.of("code", rule.edeCode(), "text", rule.edeText()));
        }
        view.put("times", rule.times());
        view.put("probability", rule.probability());
        view.put("fired", fired);
        view.put("remaining", remaining);
        return view;
    }
}
