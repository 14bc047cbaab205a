package dev.caadns.admin;

import dev.caadns.answer.Lookup;
import java.util.Optional;

/** GET /api/v1/explain?name=&ca=&account=&method=: may this CA issue for this name, and why. */
final class ExplainEndpoint {
    private final Optional<Explainer> explainer;
    private final Lookup lookup;

    ExplainEndpoint(Optional<Explainer> explainer, Lookup lookup) {
        this.explainer = explainer;
        this.lookup = lookup;
    }

    void register(Router router) {
        router.add("GET", "/api/v1/explain", this::explain);
    }

    private ApiResponse explain(ApiRequest r) {
        if (explainer.isEmpty()) {
            throw new ApiException(501, "this build has no CAA module to explain with");
        }
        String name = r.parameter("name").orElseThrow(() -> ApiException.badRequest("name: required"));
        String ca = r.parameter("ca").orElseThrow(() -> ApiException.badRequest("ca: required, e.g. letsencrypt.org"));
        try {
            return ApiResponse.json(200, explainer.get().explain(name, ca, r.parameter("account"),
                    r.parameter("method"), lookup).toString());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest(e.getMessage());
        }
    }
}
