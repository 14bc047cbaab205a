package dev.caadns.caa;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * JSON rendering of an {@link Explanation}, for {@code caadns explain --json} and the management API:
 * {@code {"identifier","kind","ca","verdict","relevant","rrset","steps","reason","decidedBy","boulder"}}.
 */
public final class ExplanationJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ExplanationJson() {
    }

    public static ObjectNode tree(Explanation explanation) {
        return tree(explanation, PolicySources.ZONE_FILES_ONLY);
    }

    /** @param sources adds {@code "source"} to a step whose RRset a template rule synthesized */
    public static ObjectNode tree(Explanation explanation, PolicySources sources) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("identifier", explanation.identifier().text());
        root.put("kind", lower(explanation.identifier().kind()));
        ObjectNode ca = root.putObject("ca");
        explanation.ca().issuerDomains().forEach(ca.putArray("issuerDomains")::add);
        ca.put("accountUri", explanation.ca().accountUri().orElse(null));
        ca.put("validationMethod", explanation.ca().validationMethod().orElse(null));
        putVerdict(root, explanation.verdict());
        Step relevant = explanation.relevant();
        root.put("relevant", relevant == null ? null : relevant.answeredAt().toString());
        ArrayNode rrset = root.putArray("rrset");
        if (relevant != null) {
            relevant.rrset().forEach(p -> rrset.add(p.toString()));
        }
        ArrayNode steps = root.putArray("steps");
        for (Step step : explanation.steps()) {
            ObjectNode node = steps.addObject();
            node.put("asked", step.asked().toString());
            node.put("outcome", lower(step.outcome()));
            if (!step.aliases().isEmpty()) {
                ArrayNode cname = node.putArray("cname");
                step.aliases().forEach(a -> cname.add(a.toString()));
            }
            if (!step.askedAgain().isEmpty()) {
                ArrayNode again = node.putArray("askedAgain");
                step.askedAgain().forEach(a -> again.add(a.toString()));
            }
            if (!step.rrset().isEmpty()) {
                ArrayNode caa = node.putArray("caa");
                step.rrset().forEach(p -> caa.add(p.toString()));
                String source = sources.sourceOf(step.answeredAt());
                if (source != null) {
                    node.put("source", source);
                }
            }
            if (!step.detail().isEmpty()) {
                node.put("detail", step.detail());
            }
            node.put("text", ExplanationText.describe(step));
        }
        if (explanation.boulder() == null) {
            root.putNull("boulder");
        } else {
            ObjectNode boulder = root.putObject("boulder");
            putVerdict(boulder, explanation.boulder());
            boulder.put("differs", explanation.boulderDiffers());
        }
        return root;
    }

    public static String render(Explanation explanation) {
        return render(explanation, PolicySources.ZONE_FILES_ONLY);
    }

    public static String render(Explanation explanation, PolicySources sources) {
        return tree(explanation, sources).toPrettyString();
    }

    private static void putVerdict(ObjectNode node, Verdict verdict) {
        node.put("verdict", verdict.word());
        node.put("reason", verdict.reason());
        node.put("decidedBy", verdict.decidedBy() == null ? null : verdict.decidedBy().toString());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
