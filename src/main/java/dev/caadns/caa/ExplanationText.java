package dev.caadns.caa;

import java.util.stream.Collectors;

/** Human rendering of an {@link Explanation}: one line per step, then the verdicts. */
public final class ExplanationText {
    private ExplanationText() {
    }

    public static String render(Explanation explanation) {
        return render(explanation, PolicySources.ZONE_FILES_ONLY);
    }

    /** @param sources names the template rule behind a synthesized RRset, on a line below its records */
    public static String render(Explanation explanation, PolicySources sources) {
        StringBuilder out = new StringBuilder();
        out.append("identifier ").append(explanation.identifier().text()).append(" (")
                .append(explanation.identifier().kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .append("), CA ").append(String.join(", ", explanation.ca().issuerDomains()));
        explanation.ca().accountUri().ifPresent(a -> out.append(", account ").append(a));
        explanation.ca().validationMethod().ifPresent(m -> out.append(", method ").append(m));
        out.append('\n');
        int n = 1;
        for (Step step : explanation.steps()) {
            out.append(n++).append(". CAA? ").append(step.asked()).append(" -> ").append(describe(step)).append('\n');
            for (CaaProperty property : step.rrset()) {
                out.append("     ").append(step.answeredAt()).append(" CAA ").append(property).append('\n');
            }
            String source = step.rrset().isEmpty() ? null : sources.sourceOf(step.answeredAt());
            if (source != null) {
                out.append("     ").append(source).append('\n');
            }
        }
        Step relevant = explanation.relevant();
        out.append("relevant RRset: ").append(relevant == null ? "none" : relevant.answeredAt()).append('\n');
        appendVerdict(out, "verdict", explanation.verdict());
        if (explanation.boulder() != null) {
            appendVerdict(out, explanation.boulderDiffers() ? "boulder (differs)" : "boulder", explanation.boulder());
        }
        return out.toString();
    }

    static String describe(Step step) {
        String chain = step.aliases().isEmpty() ? ""
                : "CNAME " + step.aliases().stream().map(alias -> step.askedAgain().contains(alias)
                        ? alias + " (another zone: asked there)" : alias.toString())
                        .collect(Collectors.joining(" -> ")) + ", ";
        String what = switch (step.outcome()) {
            case CAA -> step.rrset().size() + " CAA record(s) at " + step.answeredAt();
            case NODATA -> "NODATA (no CAA)";
            case NXDOMAIN -> "NXDOMAIN";
            case REFUSED -> "REFUSED (not in our zones; read as empty)";
            case FAILED -> "FAILED (" + step.detail() + ")";
        };
        return chain + what;
    }

    private static void appendVerdict(StringBuilder out, String label, Verdict verdict) {
        out.append(label).append(": ").append(verdict.word()).append(" - ").append(verdict.reason()).append('\n');
    }
}
