package dev.caadns.caa;

/**
 * A CA's decision for one identifier.
 *
 * @param permits whether the CA may issue
 * @param reason one sentence saying why
 * @param decidedBy the property that decided it, or null (no CAA, lookup failure, or several
 *                  properties that each fail to authorise)
 */
public record Verdict(boolean permits, String reason, CaaProperty decidedBy) {

    static Verdict permit(String reason, CaaProperty decidedBy) {
        return new Verdict(true, reason, decidedBy);
    }

    static Verdict deny(String reason, CaaProperty decidedBy) {
        return new Verdict(false, reason, decidedBy);
    }

    /** "permit" or "deny". */
    public String word() {
        return permits ? "permit" : "deny";
    }
}
