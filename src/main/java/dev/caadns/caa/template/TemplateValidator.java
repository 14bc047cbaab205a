package dev.caadns.caa.template;

import dev.caadns.zone.Finding;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.Severity;
import dev.caadns.zone.WireName;
import dev.caadns.zone.ZoneIndex;
import dev.caadns.zone.ZoneValidator;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * The template rules' findings, given to the zone they apply in (the one holding their literal
 * suffix) so that a rule's CAA error stops that zone exactly as a literal record's would, unless
 * waived by {@code caa.allow-invalid}. Also what only the zone shows: two equally specific rules for
 * one name, and rules matching names where nothing is synthesized (a CNAME owner, at or below a cut).
 */
public final class TemplateValidator implements ZoneValidator {
    static final String TIE = "T-TIE";
    static final String CNAME = "T-CNAME";
    static final String CUT = "T-CUT";
    static final String NOT_TRANSFERABLE = "T-XFR";

    private final TemplateSynthesis synthesis;

    public TemplateValidator(TemplateSynthesis synthesis) {
        this.synthesis = synthesis;
    }

    @Override
    public List<Finding> validate(LoadedZone zone) {
        ZoneIndex index = zone.index();
        if (!index.hasSoa()) {
            return List.of(); // no SOA: the zone's own checks say so, and it is not served
        }
        // each rule is one object: compared by identity, which also spares the record's generated
        // hashCode (made from method handles at its first call, ~40 CPU ms of a start)
        Set<TemplateRule> here = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Finding> findings = new ArrayList<>();
        for (CompiledRule rule : synthesis.rules()) {
            if (synthesis.appliesIn(index, rule)) {
                here.add(rule.rule());
                findings.addAll(synthesis.findings(rule));
                if (rule.rule().appliesTo() == AppliesTo.ANY && rule.rule().table() == null) {
                    findings.add(warning(NOT_TRANSFERABLE, rule.rule(), zone.origin(), rule.rule().describe()
                            + " applies to any name, without a table: not transferable (a zone transfer"
                            + " carries its RRsets only at names the zone holds, so a secondary answers the"
                            + " others with the parent's policy)", "give the rule a table of its names, or"
                            + " applies-to = existing, if the zone is transferred to secondaries"));
                }
            }
        }
        if (here.isEmpty()) {
            return findings; // no rule applies here, so no name of this zone can match one
        }
        List<Found> found = new ArrayList<>();
        Expansion[] top = new Expansion[2];
        ZoneNames.forEach(index, synthesis, (wire, written, node) -> {
            if (!synthesis.bestTwo(wire, node != null, here, top)) {
                return;
            }
            if (node != null && node.get(Type.CNAME) != null) {
                found.add(new Found(written, CNAME, top[0].rule(), null));
            } else if (TemplateSynthesis.belowCut(index, node, wire)) {
                found.add(new Found(written, CUT, top[0].rule(), null));
            } else if (top[1] != null && TemplateSynthesis.tie(top[0], top[1])) {
                found.add(new Found(written, TIE, top[0].rule(), top[1].rule()));
            }
        });
        // in canonical order, as a walk over the names in that order met them; a tie is told at its first name
        found.sort(Comparator.comparing(Found::name));
        Set<String> reportedTies = new HashSet<>();
        for (Found f : found) {
            Name name = f.name();
            TemplateRule best = f.best();
            switch (f.code()) {
                case CNAME -> findings.add(warning(CNAME, best, name, best.describe() + " matches a name that owns a"
                        + " CNAME: nothing is synthesized there (the CA follows the alias)",
                        "publish the policy at the CNAME's target, or narrow the pattern"));
                case CUT -> findings.add(warning(CUT, best, name, best.describe() + " matches a name at or below a"
                        + " delegation or DNAME: nothing is synthesized there (the data is not ours)",
                        "put the rule in the child zone, or narrow the pattern"));
                default -> {
                    TemplateRule other = f.other();
                    if (reportedTies.add(best.number() + "/" + other.number())) {
                        findings.add(warning(TIE, other, name, "rules " + best.number() + " and " + other.number()
                                + " match this name and are equally specific: rule " + best.number()
                                + " wins because it comes first", "make one pattern more specific (more literal"
                                + " labels, or * instead of **), or merge the rules"));
                    }
                }
            }
        }
        return findings;
    }

    /**
     * A name where something is to be reported (made a {@link Name} only for these few), the best
     * rule matching it and, for a tie, the next.
     */
    private record Found(Name name, String code, TemplateRule best, TemplateRule other) {
        Found(byte[] written, String code, TemplateRule best, TemplateRule other) {
            this(WireName.toName(written), code, best, other);
        }
    }

    private static Finding warning(String code, TemplateRule rule, Name owner, String message, String hint) {
        return new Finding(Severity.WARNING, code, rule.file(), rule.line(), owner.toString(), message, hint);
    }
}
