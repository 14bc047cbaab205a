package dev.caadns.caa;

import dev.caadns.answer.Lookup;
import java.util.List;

/** The library call behind {@code caadns explain} and the management API. */
public final class CaaExplainer {
    private CaaExplainer() {
    }

    public static Explanation explain(Identifier identifier, CaPolicy ca, Lookup lookup) {
        List<Step> steps = RelevantRRsetSearch.run(identifier.domain(), lookup);
        Verdict rfc = new IssuanceDecision(Rfc8659Reading.INSTANCE, identifier, ca).decide(steps);
        Verdict boulder = identifier.kind() == Identifier.Kind.MAILBOX ? null
                : new IssuanceDecision(BoulderReading.INSTANCE, identifier, ca).decide(steps);
        return new Explanation(identifier, ca, steps, rfc, boulder);
    }
}
