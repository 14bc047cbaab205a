package dev.caadns.caa;

import java.util.Locale;

/** The property tags this server knows by name (IANA registry plus BR contact tags); tags compare case-insensitively. */
public enum PropertyTag {
    ISSUE, ISSUEWILD, IODEF, ISSUEMAIL, ISSUEVMC, CONTACTEMAIL, CONTACTPHONE, UNKNOWN;

    /** The canonical lowercase spelling, or "" for {@link #UNKNOWN}. */
    public String canonical() {
        return this == UNKNOWN ? "" : name().toLowerCase(Locale.ROOT);
    }

    /** Tags whose value is an issuer domain name with parameters (RFC 8659 §4.2 grammar). */
    public boolean namesIssuer() {
        return this == ISSUE || this == ISSUEWILD || this == ISSUEMAIL || this == ISSUEVMC;
    }

    static PropertyTag of(String tag) {
        for (PropertyTag known : values()) {
            if (known != UNKNOWN && known.canonical().equalsIgnoreCase(tag)) {
                return known;
            }
        }
        return UNKNOWN;
    }
}
