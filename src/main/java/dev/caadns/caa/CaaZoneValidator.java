package dev.caadns.caa;

import dev.caadns.zone.Finding;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.RRset;
import dev.caadns.zone.SourcedRecord;
import dev.caadns.zone.WireName;
import dev.caadns.zone.ZoneValidator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Checks every CAA record and every CAA RRset of a zone on load. Errors keep the zone from being
 * served unless waived: for the whole server with {@code allowInvalid} (config {@code caa.allow-invalid}),
 * or per record with the comment marker {@value #ALLOW_INVALID_MARKER}, so a lab can serve broken CAA on
 * purpose and still see what is wrong with it.
 */
public final class CaaZoneValidator implements ZoneValidator {
    public static final String ALLOW_INVALID_MARKER = "caadns:allow-invalid";

    private final boolean allowInvalid;

    public CaaZoneValidator(boolean allowInvalid) {
        this.allowInvalid = allowInvalid;
    }

    /**
     * Walks the zone's CAA RRsets. A set whose bytes already passed clean at a plain owner (not a
     * wildcard, no CNAME, no comments, answer within UDP size) is clean again at every such owner:
     * a million names often share a few hundred policies, so each is checked once. Which sets are
     * checked does not depend on the walk's order (a set with findings is never taken as clean); the
     * walk follows the index (reading order, mostly, which is the nodes' order in memory) and the
     * sets with findings are sorted by their first record.
     */
    @Override
    public List<Finding> validate(LoadedZone zone) {
        boolean comments = zone.hasComments();
        Map<Rdata, Boolean> clean = new HashMap<>();
        List<Found> found = new ArrayList<>();
        zone.index().forEachNode(node -> {
            RRset set = node.get(Type.CAA);
            if (set == null) {
                return;
            }
            boolean hasCname = node.get(Type.CNAME) != null;
            int size = set.size();
            boolean plain = !hasCname && !(comments && hasComment(zone, set, size))
                    && checkedByRdataAlone(WireName.isWildcard(set.owner()), set.owner().length, size, rdataBytes(set, size));
            Rdata rdata = new Rdata(set);
            if (plain && clean.getOrDefault(rdata, false)) {
                return;
            }
            List<SourcedRecord> records = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                records.add(zone.sourced(set, i));
            }
            List<Finding> findings = new ArrayList<>();
            checkOwner(records.get(0).record().getName(), records, hasCname, findings);
            if (plain) {
                clean.put(rdata, findings.isEmpty());
            }
            if (!findings.isEmpty()) {
                found.add(new Found(zone.ordinal(set, 0), findings));
            }
        });
        found.sort(Comparator.comparingInt(Found::ordinal));
        List<Finding> findings = new ArrayList<>();
        for (Found f : found) {
            findings.addAll(f.findings());
        }
        return findings;
    }

    /** A set's findings and where its first record was read. */
    private record Found(int ordinal, List<Finding> findings) {
    }

    private static boolean hasComment(LoadedZone zone, RRset set, int size) {
        for (int i = 0; i < size; i++) {
            if (!zone.comment(set, i).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when an RRset of {@code records} records and {@code rdataBytes} bytes of RDATA, neither
     * beside a CNAME nor commented, has the findings at this owner it has at any other such owner:
     * the checks see the owner only in its wildcard label and in the answer's size. A set clean at
     * one such owner is then clean at all of them, and checked once.
     */
    public static boolean checkedByRdataAlone(boolean wildcardOwner, int ownerLength, int records, int rdataBytes) {
        return !wildcardOwner && RRsetChecks.answerSize(ownerLength, rdataBytes, records) <= RRsetChecks.UDP_PAYLOAD;
    }

    /** The RDATA bytes of set, RDLENGTH fields and TTL aside. */
    private static int rdataBytes(RRset set, int size) {
        return set.end() - set.firstRecord() - 2 * size;
    }

    /**
     * An RRset's records by place: the index stores each distinct CAA set once, so equal
     * policies meet here without hashing their bytes; sets that do not share arrays only miss.
     */
    private record Rdata(RRset set) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Rdata other && other.set.sharesRecords(set);
        }

        @Override
        public int hashCode() {
            return set.firstRecord();
        }
    }

    /**
     * The record and RRset checks on CAA records that come from elsewhere than a zone file (the
     * templates), never beside a CNAME; waived as a zone's would be.
     */
    public List<Finding> check(Name owner, List<SourcedRecord> records) {
        List<Finding> findings = new ArrayList<>();
        checkOwner(owner, records, false, findings);
        return findings;
    }

    private void checkOwner(Name owner, List<SourcedRecord> records, boolean hasCname, List<Finding> findings) {
        List<CaaProperty> rrset = new ArrayList<>();
        for (SourcedRecord sourced : records) {
            try {
                CaaProperty property = CaaProperty.of(sourced.record());
                rrset.add(property);
                for (Problem problem : PropertyChecks.check(property, sourced.comment())) {
                    findings.add(finding(problem, sourced, waived(sourced)));
                }
            } catch (MalformedCaaException e) {
                Problem problem = new Problem(CaaCode.E_TAGLEN, "CAA RDATA cannot be read: " + e.getMessage(),
                        "fix the generic (\\#) RDATA: flags byte, tag length byte, tag, then the value");
                findings.add(finding(problem, sourced, waived(sourced)));
            }
        }
        boolean waived = records.stream().anyMatch(this::waived);
        for (Problem problem : RRsetChecks.check(owner, rrset, hasCname)) {
            findings.add(finding(problem, records.get(0), waived));
        }
    }

    private boolean waived(SourcedRecord sourced) {
        return allowInvalid || sourced.comment().contains(ALLOW_INVALID_MARKER);
    }

    private static Finding finding(Problem problem, SourcedRecord where, boolean waived) {
        Finding finding = new Finding(problem.code().severity(), problem.code().code(), where.file(), where.line(),
                where.record().getName().toString(), problem.message(), problem.hint());
        return waived && finding.blocksServing() ? finding.waive() : finding;
    }
}
