package dev.caadns.caa;

/**
 * The RFC's reading, for a CA that understands every tag this server knows by name. Where the RFC is
 * silent this picks the strict side: issuer domains compare case-insensitively (they are domain
 * names) and parameter tags too (so a restriction is never silently dropped).
 */
final class Rfc8659Reading implements Reading {
    static final Rfc8659Reading INSTANCE = new Rfc8659Reading();

    @Override
    public String name() {
        return "RFC 8659";
    }

    @Override
    public boolean critical(CaaProperty property) {
        return property.issuerCritical();
    }

    @Override
    public boolean understands(PropertyTag tag) {
        return tag != PropertyTag.UNKNOWN;
    }

    @Override
    public IssueValue parse(CaaProperty property) {
        return property.issueValue();
    }

    @Override
    public boolean issuerMatches(String published, String caIssuerDomain) {
        return published.equalsIgnoreCase(caIssuerDomain);
    }

    @Override
    public boolean parameterIs(String published, String canonical) {
        return published.equalsIgnoreCase(canonical);
    }

    @Override
    public boolean tldNxdomainIsError() {
        return false;
    }
}
