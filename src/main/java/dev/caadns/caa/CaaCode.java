package dev.caadns.caa;

import dev.caadns.zone.Severity;

/**
 * Stable finding codes (digest §9). E- cannot be a CAA RR, I- breaks an RFC MUST or ABNF: both are
 * errors that keep a zone from being served unless waived. W- is legal but probably unintended.
 */
public enum CaaCode {
    E_TAGLEN, I_TAG_EMPTY, I_TAG_CHARS, I_FLAGS_RESERVED, I_ISSUE_ABNF, I_IODEF, I_ACCOUNTURI, I_VM_ABNF,
    W_TAG_CASE, W_TAG_LONG, W_UNKNOWN, W_UNKNOWN_CRIT, W_RESERVED_TAG, W_EMPTY_VALUE, W_PARAMS_NO_ISSUER,
    W_ISSUER_CASE, W_PARAM_HYPHEN, W_PARAM_CASE, W_PARAM_DRAFT, W_ACCT_DUP, W_VM_DUP, W_VM_EMPTY, W_VM_UNKNOWN,
    W_IODEF_HTTP, W_CONTACT, W_VALUE_255, W_NONASCII, W_COMMENT_SPLIT,
    E_CNAME_COEXIST, W_REDUNDANT_DENY, W_ISSUEWILD_ONLY, W_NO_RESTRICTION, W_BIG, W_WILDCARD_OWNER;

    /** As printed, e.g. {@code I-ISSUE-ABNF}. */
    public String code() {
        return name().replace('_', '-');
    }

    public Severity severity() {
        return name().startsWith("W_") ? Severity.WARNING : Severity.ERROR;
    }
}
