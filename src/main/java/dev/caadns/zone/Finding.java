package dev.caadns.zone;

/**
 * One problem found in a zone or a config, in compiler style: where it is, what it is, how to fix it.
 *
 * @param severity error or warning
 * @param code stable identifier, e.g. {@code Z-CNAME-AND-OTHER} or {@code I-ISSUE-ABNF}
 * @param file file name as the user gave it (or the config file); never null, may be "-"
 * @param line 1-based line, 0 when unknown
 * @param owner owner name of the record concerned (absolute, with trailing dot), or "" for none
 * @param message what is wrong
 * @param hint what to do about it
 * @param waived true when an error is served anyway because the user asked for it (caa.allow-invalid)
 */
public record Finding(Severity severity, String code, String file, int line, String owner,
                      String message, String hint, boolean waived) {

    public Finding(Severity severity, String code, String file, int line, String owner,
                   String message, String hint) {
        this(severity, code, file, line, owner, message, hint, false);
    }

    /** True when this finding keeps its zone from being served. */
    public boolean blocksServing() {
        return severity == Severity.ERROR && !waived;
    }

    public Finding waive() {
        return new Finding(severity, code, file, line, owner, message, hint, true);
    }

    /** {@code lab.test.zone:14: error[I-ISSUE-ABNF] deny.lab.test.: message hint: fix}. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        sb.append(file);
        if (line > 0) {
            sb.append(':').append(line);
        }
        sb.append(": ").append(severity.label()).append('[').append(code).append("] ");
        if (!owner.isEmpty()) {
            sb.append(owner).append(": ");
        }
        sb.append(message);
        if (hint != null && !hint.isEmpty()) {
            sb.append(" hint: ").append(hint);
        }
        if (waived) {
            sb.append(" (served as published: allow-invalid)");
        }
        return sb.toString();
    }
}
