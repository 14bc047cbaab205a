package dev.caadns.caa;

/** RFC 8659 §4.2 issuer-domain-name: LDH labels joined by dots, ASCII only, no trailing dot. */
final class IssuerDomain {
    private IssuerDomain() {
    }

    /** Null when {@code issuer} is a well-formed issuer domain name, else what is wrong. */
    static IssueValue.Malformation problem(String issuer) {
        if (issuer.endsWith(".")) {
            return new IssueValue.Malformation("issuer `" + issuer + "` ends with a dot",
                    "drop the trailing dot: the issuer is written without it, e.g. `letsencrypt.org`");
        }
        for (String label : issuer.split("\\.", -1)) {
            if (label.isEmpty()) {
                return new IssueValue.Malformation("issuer `" + issuer + "` has an empty label",
                        "remove the doubled or leading dot");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!isLetterOrDigit(c) && c != '-') {
                    return new IssueValue.Malformation("issuer `" + issuer + "` contains "
                            + IssueValue.describe(c),
                            c > 0x7E ? "write internationalised issuers as A-labels (xn--...)"
                                    : "an issuer is a domain name of letters, digits and inner hyphens");
                }
            }
            if (label.startsWith("-") || label.endsWith("-")) {
                return new IssueValue.Malformation("issuer label `" + label + "` starts or ends with `-`",
                        "use the CA's issuer domain exactly as its CPS lists it");
            }
        }
        return null;
    }

    static boolean isLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
