package dev.caadns.admin;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caadns.answer.Lookup;
import java.util.Optional;

/**
 * The CAA verdict behind GET /api/v1/explain: the CAA module's explanation as JSON. A seam, so the
 * management API needs no compile-time CAA code; the composition root passes the CAA module's.
 */
@FunctionalInterface
public interface Explainer {
    /**
     * @throws IllegalArgumentException when the identifier or CA cannot be read (a 400)
     */
    JsonNode explain(String identifier, String ca, Optional<String> account, Optional<String> method,
                     Lookup lookup);
}
