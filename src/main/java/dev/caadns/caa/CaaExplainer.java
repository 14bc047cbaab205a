package dev.caadns.caa;

import dev.caadns.answer.Lookup;
import java.util.List;
import org.xbill.DNS.Name;

/** The library call behind {@code caadns explain} and the management API. */
public final class CaaExplainer {
    private CaaExplainer() {
    }

    /** RFC 8659 §3's search for the relevant RRset: every CAA query asked, the last one decides. */
    public static List<Step> search(Name name, Lookup lookup) {
        return RelevantRRsetSearch.run(name, lookup);
    }

    public static Explanation explain(Identifier identifier, CaPolicy ca, Lookup lookup) {
        List<Step> steps = RelevantRRsetSearch.run(identifier.domain(), lookup);
        Verdict rfc = new IssuanceDecision(Rfc8659Reading.INSTANCE, identifier, ca).decide(steps);
        Verdict boulder = identifier.kind() == Identifier.Kind.MAILBOX ? null
                : new IssuanceDecision(BoulderReading.INSTANCE, identifier, ca).decide(steps);
        return new Explanation(identifier, ca, steps, rfc, boulder);
    }
}
