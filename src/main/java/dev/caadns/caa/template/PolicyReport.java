package dev.caadns.caa.template;

import dev.caadns.answer.Lookup;
import dev.caadns.answer.ZoneSet;
import dev.caadns.caa.CaaExplainer;
import dev.caadns.caa.CaaProperty;
import dev.caadns.caa.PolicySources;
import dev.caadns.caa.Step;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.WireName;
import dev.caadns.zone.ZoneIndex;
import java.util.List;
import java.util.stream.Collectors;
import org.xbill.DNS.Name;

/**
 * {@code caadns check --show-policy}: the CAA policy a CA finds for every name of a zone and every
 * rule's names in it, as served (the same search as {@code explain}), each marked literal,
 * synthesized by which rule, or inherited from which ancestor.
 */
public final class PolicyReport {
    private static final int SHOWN_RECORDS = 3;
    private PolicyReport() {
    }

    /** @param lookup asks the zones as served, the rules applied */
    public static String render(LoadedZone zone, ZoneSet zones, TemplateSynthesis templates, Lookup lookup) {
        PolicySources sources = templates.sources(() -> zones);
        StringBuilder out = new StringBuilder();
        out.append("CAA policy of every name in ").append(zone.origin()).append(" (").append(zone.source())
                .append(")\n");
        ZoneIndex index = ZoneNames.zoneOf(zones, zone.origin());
        for (Name name : ZoneNames.of(zone, index, templates)) {
            out.append(String.format("%-32s ", name)).append(policy(name, index, lookup, sources)).append('\n');
        }
        for (CompiledRule rule : templates.rules()) {
            TemplateRule r = rule.rule();
            if (!templates.appliesIn(index, rule)) {
                continue;
            }
            out.append("rule ").append(r.number()).append(' ').append(r.pattern()).append(" (").append(r.where())
                    .append("): applies-to ").append(r.appliesTo().name().toLowerCase(java.util.Locale.ROOT))
                    .append(r.table() == null ? "" : ", " + r.table().rows().size() + " rows from " + r.table().file())
                    .append('\n');
        }
        return out.toString();
    }

    private static String policy(Name name, ZoneIndex index, Lookup lookup, PolicySources sources) {
        byte[] wire = WireName.lower(name);
        if (index == null || TemplateSynthesis.belowCut(index, index.find(wire, 0, wire.length), wire)) {
            return "delegated (or below a DNAME): not answered from this zone";
        }
        List<Step> steps = CaaExplainer.search(name, lookup);
        Step last = steps.get(steps.size() - 1);
        if (last.outcome() != Step.Outcome.CAA) {
            return last.outcome() == Step.Outcome.FAILED ? "lookup failed: " + last.detail()
                    : "none: no CAA up to the top-level domain, any CA may issue";
        }
        Name at = last.answeredAt();
        String source = sources.sourceOf(at);
        String kind = source != null ? source : "literal";
        if (!last.aliases().isEmpty()) {
            return "CNAME to " + at + ": " + kind + " there: " + records(last);
        }
        if (!last.asked().equals(name)) {
            return "inherited from " + at + " (" + kind + ")";
        }
        return kind + ": " + records(last);
    }

    private static String records(Step step) {
        String shown = step.rrset().stream().limit(SHOWN_RECORDS).map(CaaProperty::toString)
                .collect(Collectors.joining(" | "));
        int more = step.rrset().size() - SHOWN_RECORDS;
        return more > 0 ? shown + " | ... " + more + " more" : shown;
    }
}
