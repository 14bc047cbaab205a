package dev.caadns.caa;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * RFC 8659 §3-§4 and RFC 8657 applied to the search's steps under one {@link Reading} (digest §6):
 * lookup failure denies, no RRset permits, a critical tag not understood denies, issuewild replaces
 * issue for wildcards, properties are additive, a malformed value names nobody.
 */
final class IssuanceDecision {
    private static final Pattern METHOD_LABEL = Pattern.compile("[A-Za-z0-9-]+");

    private final Reading reading;
    private final Identifier identifier;
    private final CaPolicy ca;

    IssuanceDecision(Reading reading, Identifier identifier, CaPolicy ca) {
        this.reading = reading;
        this.identifier = identifier;
        this.ca = ca;
    }

    Verdict decide(List<Step> steps) {
        Step last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (last != null && last.outcome() == Step.Outcome.FAILED) {
            return Verdict.deny("CAA lookup at " + last.asked() + " failed (" + last.detail()
                    + "); a CA does not issue when it cannot read CAA", null);
        }
        if (reading.tldNxdomainIsError()) {
            for (Step step : steps) {
                if (step.outcome() == Step.Outcome.NXDOMAIN && step.askedTld()) {
                    return Verdict.deny(reading.name() + " treats NXDOMAIN at the TLD " + step.asked()
                            + " as a lookup error", null);
                }
            }
        }
        if (last == null || last.outcome() != Step.Outcome.CAA) {
            return Verdict.permit("no CAA RRset at " + identifier.domain() + " or any parent up to the TLD", null);
        }
        return decide(last);
    }

    private Verdict decide(Step relevant) {
        String where = relevant.answeredAt().toString();
        for (CaaProperty property : relevant.rrset()) {
            if (reading.critical(property) && !reading.understands(property.kind())) {
                return Verdict.deny("critical property `" + property.tag() + "` at " + where
                        + " is not understood, so the CA must not issue", property);
            }
        }
        List<CaaProperty> candidates = candidates(relevant.rrset());
        if (candidates.isEmpty()) {
            return Verdict.permit("the RRset at " + where + " has no " + chosenTagWord(relevant.rrset())
                    + " property, so it restricts nothing for " + identifier.text()
                    + " (and still hides any parent policy)", null);
        }
        List<String> refusals = new ArrayList<>();
        for (CaaProperty property : candidates) {
            String refusal = refusal(property);
            if (refusal == null) {
                return Verdict.permit("`" + property + "` at " + where + " authorises " + ca.issuerDomains(), property);
            }
            refusals.add("`" + property + "` " + refusal);
        }
        return Verdict.deny("no property at " + where + " authorises " + ca.issuerDomains() + ": "
                + String.join("; ", refusals), candidates.size() == 1 ? candidates.get(0) : null);
    }

    /** The properties that can authorise this identifier (RFC 8659 §4.3, RFC 9495 §4). */
    private List<CaaProperty> candidates(List<CaaProperty> rrset) {
        if (identifier.kind() == Identifier.Kind.MAILBOX) {
            return withTag(rrset, PropertyTag.ISSUEMAIL);
        }
        if (identifier.kind() == Identifier.Kind.WILDCARD) {
            List<CaaProperty> wild = withTag(rrset, PropertyTag.ISSUEWILD);
            if (!wild.isEmpty()) {
                return wild;
            }
        }
        return withTag(rrset, PropertyTag.ISSUE);
    }

    private String chosenTagWord(List<CaaProperty> rrset) {
        return switch (identifier.kind()) {
            case MAILBOX -> "issuemail";
            case WILDCARD -> "issue or issuewild";
            case DNS_NAME -> withTag(rrset, PropertyTag.ISSUEWILD).isEmpty() ? "issue"
                    : "issue (issuewild applies to wildcards only)";
        };
    }

    private static List<CaaProperty> withTag(List<CaaProperty> rrset, PropertyTag tag) {
        return rrset.stream().filter(p -> p.kind() == tag).toList();
    }

    /** Null when the property authorises this CA for this request, else why not. */
    private String refusal(CaaProperty property) {
        IssueValue value = reading.parse(property);
        if (!value.wellFormed()) {
            return "is malformed (" + value.malformation().message() + ") and names nobody";
        }
        if (value.issuer().isEmpty()) {
            return "names nobody";
        }
        if (ca.issuerDomains().stream().noneMatch(d -> reading.issuerMatches(value.issuer(), d))) {
            return "names " + value.issuer();
        }
        if (identifier.kind() == Identifier.Kind.MAILBOX) {
            return null; // RFC 9495 leaves issuemail parameters to the CA
        }
        String account = accountRefusal(value);
        return account != null ? account : methodRefusal(value);
    }

    /** RFC 8657 §3. */
    private String accountRefusal(IssueValue value) {
        List<String> uris = parameter(value, "accounturi");
        if (uris.isEmpty()) {
            return null;
        }
        if (uris.size() > 1) {
            return "has accounturi " + uris.size() + " times, which no account satisfies";
        }
        String uri = uris.get(0);
        if (!isAbsoluteUri(uri)) {
            return "has accounturi `" + uri + "`, which is not an absolute URI";
        }
        Optional<String> requester = ca.accountUri();
        if (requester.isEmpty()) {
            return "is limited to account " + uri + " and no account was given";
        }
        return uri.equals(requester.get()) ? null : "is limited to account " + uri + ", not " + requester.get();
    }

    /** RFC 8657 §4. */
    private String methodRefusal(IssueValue value) {
        List<String> lists = parameter(value, "validationmethods");
        if (lists.isEmpty()) {
            return null;
        }
        if (lists.size() > 1) {
            return "has validationmethods " + lists.size() + " times, which " + reading.name()
                    + " treats as unsatisfiable";
        }
        List<String> labels = List.of(lists.get(0).split(",", -1));
        if (!labels.stream().allMatch(l -> METHOD_LABEL.matcher(l).matches())) {
            return "has malformed validationmethods `" + lists.get(0) + "`";
        }
        Optional<String> used = ca.validationMethod();
        if (used.isEmpty()) {
            return "is limited to validation methods " + labels + " and no method was given";
        }
        return labels.contains(used.get()) ? null
                : "is limited to validation methods " + labels + ", not " + used.get();
    }

    private List<String> parameter(IssueValue value, String canonical) {
        return value.parameters().stream().filter(p -> reading.parameterIs(p.tag(), canonical))
                .map(IssueValue.Parameter::value).toList();
    }

    static boolean isAbsoluteUri(String text) {
        try {
            return new URI(text).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
