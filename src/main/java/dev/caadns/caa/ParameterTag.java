package dev.caadns.caa;

/** RFC 8659 §4.2 parameter-tag = (ALPHA / DIGIT) *( *("-") (ALPHA / DIGIT)). */
final class ParameterTag {
    private ParameterTag() {
    }

    static IssueValue.Malformation problem(String tag) {
        if (tag.isEmpty()) {
            return new IssueValue.Malformation("parameter without a tag",
                    "write parameters as tag=value after the `;`");
        }
        for (int i = 0; i < tag.length(); i++) {
            char c = tag.charAt(i);
            if (!IssuerDomain.isLetterOrDigit(c) && c != '-') {
                return new IssueValue.Malformation("parameter tag `" + tag + "` contains "
                        + IssueValue.describe(c), "parameter tags are letters, digits and inner hyphens only");
            }
        }
        if (tag.startsWith("-") || tag.endsWith("-")) {
            return new IssueValue.Malformation("parameter tag `" + tag + "` starts or ends with `-`",
                    "parameter tags may only have hyphens inside");
        }
        return null;
    }
}
