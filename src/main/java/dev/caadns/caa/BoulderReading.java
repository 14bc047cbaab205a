package dev.caadns.caa;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Let's Encrypt Boulder's reading ({@code va/caa.go}, digest §11.1): flag value 1 counts as critical,
 * only issue/issuewild/iodef/issuemail/issuevmc are understood, values are split on ';' without
 * checking the issuer, hyphens in parameter tags make the value malformed, issuer and parameter tags
 * compare byte-exact, and NXDOMAIN at a TLD is a lookup error.
 */
final class BoulderReading implements Reading {
    static final BoulderReading INSTANCE = new BoulderReading();

    private static final Set<PropertyTag> UNDERSTOOD = EnumSet.of(PropertyTag.ISSUE, PropertyTag.ISSUEWILD,
            PropertyTag.IODEF, PropertyTag.ISSUEMAIL, PropertyTag.ISSUEVMC);
    private static final int CRITICAL_OR_MISREAD = CaaProperty.ISSUER_CRITICAL | 1;

    @Override
    public String name() {
        return "Boulder";
    }

    @Override
    public boolean critical(CaaProperty property) {
        return (property.flags() & CRITICAL_OR_MISREAD) != 0;
    }

    @Override
    public boolean understands(PropertyTag tag) {
        return UNDERSTOOD.contains(tag);
    }

    /** Mirrors {@code parseCAARecord}. */
    @Override
    public IssueValue parse(CaaProperty property) {
        String[] parts = property.valueText().split(";", -1);
        String issuer = trimWsp(parts[0]);
        List<IssueValue.Parameter> parameters = new ArrayList<>();
        boolean onlyTrailingSemicolon = parts.length == 2 && trimWsp(parts[1]).isEmpty();
        for (int i = 1; i < parts.length && !onlyTrailingSemicolon; i++) {
            int eq = parts[i].indexOf('=');
            if (eq < 0) {
                return malformed(issuer, "parameter `" + trimWsp(parts[i]) + "` is not tag=value");
            }
            String tag = trimWsp(parts[i].substring(0, eq));
            String value = trimWsp(parts[i].substring(eq + 1));
            if (!tag.chars().allMatch(c -> IssuerDomain.isLetterOrDigit((char) c))) {
                return malformed(issuer, "parameter tag `" + tag + "` has a character other than a letter or digit");
            }
            if (!value.chars().allMatch(IssueValue::isParameterValueChar)) {
                return malformed(issuer, "parameter value `" + value + "` has a disallowed character");
            }
            parameters.add(new IssueValue.Parameter(tag, value));
        }
        return new IssueValue(issuer, parameters, null);
    }

    private static IssueValue malformed(String issuer, String why) {
        return new IssueValue(issuer, List.of(), new IssueValue.Malformation(why, ""));
    }

    private static String trimWsp(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && IssueValue.isWsp(s.charAt(start))) {
            start++;
        }
        while (end > start && IssueValue.isWsp(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(start, end);
    }

    @Override
    public boolean issuerMatches(String published, String caIssuerDomain) {
        return published.equals(caIssuerDomain);
    }

    @Override
    public boolean parameterIs(String published, String canonical) {
        return published.equals(canonical);
    }

    @Override
    public boolean tldNxdomainIsError() {
        return true;
    }
}
