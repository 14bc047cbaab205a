package dev.caadns.caa;

import java.util.List;
import org.xbill.DNS.Name;

/** The checks on all CAA records of one owner together (digest §9, second table). */
final class RRsetChecks {
    /** RFC 9715 / DNS Flag Day 2020 EDNS buffer size: a bigger answer needs TCP. */
    static final int UDP_PAYLOAD = 1232;
    private static final int HEADER = 12;
    private static final int QUESTION_FIXED = 4;
    private static final int COMPRESSED_OWNER = 2;
    private static final int RR_FIXED = 10;
    private static final int OPT_RR = 11;

    private RRsetChecks() {
    }

    static List<Problem> check(Name owner, List<CaaProperty> rrset, boolean ownerHasCname) {
        List<Problem> problems = new java.util.ArrayList<>();
        if (ownerHasCname) {
            problems.add(new Problem(CaaCode.E_CNAME_COEXIST, "CAA beside a CNAME at the same owner",
                    "remove the CAA here and publish it at the CNAME's target, or drop the CNAME (RFC 1034 §3.6.2)"));
        }
        if (owner.isWild()) {
            problems.add(new Problem(CaaCode.W_WILDCARD_OWNER,
                    "CAA at a wildcard owner applies to names that do not exist, not to the certificate " + owner,
                    "to restrict certificates for " + owner + ", publish issuewild at " + new Name(owner, 1)));
        }
        redundantDeny(rrset, PropertyTag.ISSUE, problems);
        redundantDeny(rrset, PropertyTag.ISSUEWILD, problems);
        boolean hasIssue = has(rrset, PropertyTag.ISSUE);
        boolean hasIssuewild = has(rrset, PropertyTag.ISSUEWILD);
        boolean blocksAll = false;
        for (CaaProperty p : rrset) {
            blocksAll |= p.kind() == PropertyTag.UNKNOWN && p.issuerCritical();
        }
        if (hasIssuewild && !hasIssue) {
            problems.add(new Problem(CaaCode.W_ISSUEWILD_ONLY,
                    "issuewild without issue: any CA may issue for " + owner + " and names below it",
                    "add `0 issue \";\"` (nobody) or the CAs allowed for non-wildcard names"));
        } else if (!hasIssue && !blocksAll) {
            problems.add(new Problem(CaaCode.W_NO_RESTRICTION,
                    "this RRset restricts no CA, yet it hides any policy published at the parents",
                    "add issue properties, or remove the RRset to let the parent's policy apply"));
        }
        int size = answerSize(owner, rrset);
        if (size > UDP_PAYLOAD) {
            problems.add(new Problem(CaaCode.W_BIG, "CAA answer is " + size + " bytes, over " + UDP_PAYLOAD
                    + ": CAs must retry over TCP (Boulder fails on truncation)",
                    "shrink the RRset, or make sure TCP reaches this server"));
        }
        return problems;
    }

    // Loops, not streams: this runs for every owner of a million-name zone at load.
    private static void redundantDeny(List<CaaProperty> rrset, PropertyTag tag, List<Problem> problems) {
        boolean nobody = false;
        boolean somebody = false;
        for (CaaProperty p : rrset) {
            if (p.kind() == tag) {
                IssueValue value = p.issueValue();
                if (value.wellFormed()) {
                    nobody |= value.issuer().isEmpty();
                    somebody |= !value.issuer().isEmpty();
                }
            }
        }
        if (nobody && somebody) {
            problems.add(new Problem(CaaCode.W_REDUNDANT_DENY, tag.canonical()
                    + " \";\" beside named issuers has no effect: properties add up",
                    "remove the " + tag.canonical() + " \";\" record, or the issuers if nobody may issue"));
        }
    }

    private static boolean has(List<CaaProperty> rrset, PropertyTag tag) {
        for (CaaProperty p : rrset) {
            if (p.kind() == tag) {
                return true;
            }
        }
        return false;
    }

    /** A CAA query's reply with EDNS: header, question, every RR with a compressed owner, OPT. */
    static int answerSize(Name owner, List<CaaProperty> rrset) {
        int rdataBytes = 0;
        for (CaaProperty property : rrset) {
            rdataBytes += property.rdata().length;
        }
        return answerSize(owner.length(), rdataBytes, rrset.size());
    }

    static int answerSize(int ownerLength, int rdataBytes, int records) {
        return HEADER + ownerLength + QUESTION_FIXED + OPT_RR + records * (COMPRESSED_OWNER + RR_FIXED) + rdataBytes;
    }
}
