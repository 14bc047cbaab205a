package dev.caadns.caa;

import dev.caadns.zone.Finding;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.SourcedRecord;
import dev.caadns.zone.ZoneValidator;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    @Override
    public List<Finding> validate(LoadedZone zone) {
        // Keyed by canonical wire form: dnsjava's Name.hashCode collides for names like h10 and h09,
        // which turns a map of a million owners into slow tree buckets.
        Map<ByteBuffer, List<SourcedRecord>> caaByOwner = new LinkedHashMap<>();
        Set<ByteBuffer> cnameOwners = new HashSet<>();
        for (SourcedRecord sourced : zone.records()) {
            int type = sourced.record().getType();
            if (type == Type.CAA) {
                caaByOwner.computeIfAbsent(key(sourced.record().getName()), n -> new ArrayList<>()).add(sourced);
            } else if (type == Type.CNAME) {
                cnameOwners.add(key(sourced.record().getName()));
            }
        }
        List<Finding> findings = new ArrayList<>();
        caaByOwner.forEach((owner, records) ->
                checkOwner(records.get(0).record().getName(), records, cnameOwners.contains(owner), findings));
        return findings;
    }

    private static ByteBuffer key(Name name) {
        return ByteBuffer.wrap(name.toWireCanonical());
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
