package dev.caadns.dnssec;

import dev.caadns.answer.Lookup;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.utils.base32;

/**
 * What a validating resolver would make of the answers caadns gives for some names (RFC 4035 §5),
 * for {@code explain}: each answer's RRsets and NSEC proof verified against its zone's DNSKEY set,
 * that set against the parent's DS as far up as caadns signs, the top as the trust anchor
 * {@code caadns dnssec anchors} prints. Asked through the same answer path, faults included.
 */
public final class ValidationCheck {
    private static final int MAX_DEPTH = 16;

    /** The judgement, with the names it rests on. */
    public enum Status { SECURE, INSECURE, BOGUS, FAILED }

    public record Result(Status status, String detail) {
        /** What a CA must do with it under CA/B BR §3.2.2.8 and §3.2.2.8.1. */
        public String caDecision() {
            return switch (status) {
                case SECURE -> "validates: a CA may use this answer";
                case INSECURE -> "provably insecure: a CA may use this answer (and may treat a lookup failure "
                        + "here as permission only under BR §3.2.2.8's conditions)";
                case BOGUS -> "a CA must refuse to issue: a DNSSEC validation failure is never permission "
                        + "(BR §3.2.2.8.1)";
                case FAILED -> "a CA must refuse to issue: a lookup failure is permission only where the zone "
                        + "is provably insecure (BR §3.2.2.8), and this one is not";
            };
        }
    }

    private final Lookup lookup;

    public ValidationCheck(Lookup lookup) {
        this.lookup = lookup;
    }

    /** Judges the CAA answers at these names: the first bogus one decides, else secure if any is. */
    public Result check(List<Name> names) {
        List<String> details = new ArrayList<>();
        boolean anySecure = false;
        for (Name name : names) {
            Result r = checkAnswer(name);
            if (r.status() == Status.BOGUS || r.status() == Status.FAILED) {
                return r;
            }
            anySecure |= r.status() == Status.SECURE;
            details.add(r.detail());
        }
        return new Result(anySecure ? Status.SECURE : Status.INSECURE,
                details.isEmpty() ? "no name asked" : String.join("; ", details));
    }

    private Result checkAnswer(Name name) {
        Message reply = askQuietly(name, Type.CAA);
        if (reply == null) {
            return failed(name, "no reply");
        }
        if (reply.getRcode() != Rcode.NOERROR && reply.getRcode() != Rcode.NXDOMAIN) {
            return failed(name, Rcode.string(reply.getRcode()));
        }
        Name zone = signerOrZone(reply, name);
        if (zone == null) {
            return new Result(Status.INSECURE, "CAA " + name + ": not in a zone caadns serves");
        }
        Result keys = keysOf(zone, 0);
        if (keys.status() != Status.SECURE) {
            return keys.status() == Status.INSECURE && hasRrsig(reply)
                    ? new Result(Status.BOGUS, "CAA " + name + ": signed by " + zone + ", which has no trusted DNSKEY")
                    : keys;
        }
        List<DNSKEYRecord> dnskeys = dnskeys(zone);
        Name asked = chainEnd(reply, name);
        boolean nxdomain = reply.getRcode() == Rcode.NXDOMAIN;
        RRset caa = rrsetAt(reply, asked, Type.CAA);
        boolean soa = rrsetAt(reply, null, Type.SOA) != null; // a referral has none: its proof is of the DS only
        boolean negative = nxdomain || reply.getSection(Section.ANSWER).isEmpty() || caa == null && soa;
        boolean proof = false;
        boolean nsec3 = false;
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
            for (RRset set : reply.getSectionRRsets(section)) {
                if (set.getType() == Type.NS && section == Section.AUTHORITY || unsignedCname(reply, set)) {
                    continue;
                }
                String problem = verify(set, dnskeys);
                if (problem != null) {
                    return new Result(Status.BOGUS, set.getName() + " " + Type.string(set.getType()) + ": " + problem);
                }
                proof |= set.getType() == Type.NSEC || set.getType() == Type.NSEC3;
                nsec3 |= set.getType() == Type.NSEC3;
            }
        }
        if (negative && !proof) {
            return new Result(Status.BOGUS, "CAA " + name + ": a negative answer from signed zone " + zone
                    + " without NSEC proof");
        }
        // what the (verified) NSEC or NSEC3 records prove must be what the answer says
        RRSIGRecord caaSig = caa == null || caa.sigs().isEmpty() ? null : caa.sigs().get(0);
        String denial = negative && !soa ? null
                : negative ? nsec3 ? Nsec3Proof.negative(reply, asked, Type.CAA, nxdomain)
                        : DenialProof.negative(reply, asked, Type.CAA, nxdomain)
                : caaSig == null ? null : nsec3 ? Nsec3Proof.wildcardAnswer(reply, asked, caaSig)
                        : DenialProof.wildcardAnswer(reply, asked, caaSig);
        if (denial != null) {
            return new Result(Status.BOGUS, "CAA " + asked + ": the NSEC proof does not hold: " + denial);
        }
        return new Result(Status.SECURE, "CAA " + name + " (" + (negative ? "proven absent" : "signed")
                + ") validates: " + keys.detail());
    }

    /**
     * A lookup that failed counts as permission only where the zone is provably insecure (BR
     * §3.2.2.8): below an unsigned zone, or below a delegation a signed parent proves has no DS.
     */
    private Result failed(Name name, String how) {
        String what = "CAA " + name + ": " + how;
        Name child = name;
        Name zone = null;
        for (Name n = name; n.labels() > 1 && zone == null; n = new Name(n, 1)) {
            Name above = new Name(n, 1);
            zone = zoneOf(above);
            child = n;
        }
        if (zone == null) {
            return new Result(Status.INSECURE, what + ", in no zone caadns serves");
        }
        if (!signedAt(zone)) {
            return new Result(Status.INSECURE, what + ", below unsigned zone " + zone);
        }
        Message ds = askQuietly(child, Type.DS);
        if (ds == null || ds.getRcode() != Rcode.NOERROR) {
            return new Result(Status.FAILED, what + "; signed zone " + zone + " cannot be asked for the DS of "
                    + child + ", so nothing proves it insecure");
        }
        for (RRset set : ds.getSectionRRsets(Section.ANSWER)) {
            if (set.getType() == Type.DS) {
                return new Result(Status.FAILED, what + ", below the signed delegation " + child
                        + " (DS at " + zone + "): not provably insecure");
            }
        }
        for (RRset set : ds.getSectionRRsets(Section.AUTHORITY)) {
            if (provesDelegation(set, child) && verify(set, dnskeys(zone)) == null) {
                return new Result(Status.INSECURE, what + ", below " + child + ", which " + zone
                        + " proves is delegated without DS");
            }
        }
        return new Result(Status.FAILED, what + ", inside signed zone " + zone + ": not provably insecure");
    }

    /** Where the answer's CNAME chain from name ends (name itself without one). */
    private static Name chainEnd(Message reply, Name name) {
        Name at = name;
        for (int i = 0; i < MAX_DEPTH; i++) {
            RRset cname = rrsetAt(reply, at, Type.CNAME);
            if (cname == null) {
                break;
            }
            at = ((org.xbill.DNS.CNAMERecord) cname.first()).getTarget();
        }
        return at;
    }

    /** The reply's RRset of type at owner (any owner when null), answer section first, or null. */
    private static RRset rrsetAt(Message reply, Name owner, int type) {
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
            for (RRset set : reply.getSectionRRsets(section)) {
                if (set.getType() == type && (owner == null || set.getName().equals(owner))) {
                    return set;
                }
            }
        }
        return null;
    }

    /** An NSEC at the child, or an NSEC3 matching its hash (RFC 5155 §7.2.7), listing NS at the cut. */
    private static boolean provesDelegation(RRset set, Name child) {
        if (set.getType() == Type.NSEC) {
            return set.getName().equals(child) && ((NSECRecord) set.first()).hasType(Type.NS);
        }
        if (set.getType() != Type.NSEC3 || set.getName().labels() < 2) {
            return false;
        }
        NSEC3Record nsec3 = (NSEC3Record) set.first();
        try {
            byte[] owner = new base32(base32.Alphabet.BASE32HEX, false, false).fromString(set.getName().getLabelString(0));
            return owner != null && java.util.Arrays.equals(owner, nsec3.hashName(child)) && nsec3.hasType(Type.NS);
        } catch (java.security.NoSuchAlgorithmException e) {
            return false;
        }
    }

    /** A CNAME synthesized from a DNAME, which is never signed (RFC 6672 §5.3.1). */
    private static boolean unsignedCname(Message reply, RRset set) {
        if (set.getType() != Type.CNAME) {
            return false;
        }
        for (RRset other : reply.getSectionRRsets(Section.ANSWER)) {
            if (other.getType() == Type.DNAME && set.getName().subdomain(other.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The zone's DNSKEY set: SECURE when it is self-signed and the parent's DS (if signed here) matches. */
    private Result keysOf(Name zone, int depth) {
        List<DNSKEYRecord> dnskeys = dnskeys(zone);
        Message parentDs = depth > MAX_DEPTH ? null : askQuietly(zone, Type.DS);
        List<DSRecord> ds = new ArrayList<>();
        RRset dsSet = null;
        if (parentDs != null && parentDs.getRcode() == Rcode.NOERROR) {
            for (RRset set : parentDs.getSectionRRsets(Section.ANSWER)) {
                if (set.getType() == Type.DS) {
                    dsSet = set;
                    set.rrs().forEach(r -> ds.add((DSRecord) r));
                }
            }
        }
        if (dnskeys.isEmpty()) {
            return ds.isEmpty() ? new Result(Status.INSECURE, "zone " + zone + " is not signed")
                    : new Result(Status.BOGUS, "the parent has a DS for " + zone + ", which serves no DNSKEY");
        }
        Message keyReply = askQuietly(zone, Type.DNSKEY);
        RRset keySet = keyReply == null ? null : keyReply.getSectionRRsets(Section.ANSWER).stream()
                .filter(s -> s.getType() == Type.DNSKEY).findFirst().orElse(null);
        String problem = keySet == null ? "no DNSKEY RRset" : verify(keySet, dnskeys);
        if (problem != null) {
            return new Result(Status.BOGUS, zone + " DNSKEY: " + problem);
        }
        if (dsSet == null) {
            return new Result(Status.SECURE, "chain from trust anchor " + zone);
        }
        Name parent = zoneOf(new Name(zone, 1));
        Result above = parent == null ? new Result(Status.SECURE, "") : keysOf(parent, depth + 1);
        if (above.status() != Status.SECURE) {
            return above;
        }
        String dsProblem = parent == null ? null : verify(dsSet, dnskeys(parent));
        if (dsProblem != null) {
            return new Result(Status.BOGUS, zone + " DS: " + dsProblem);
        }
        for (DSRecord d : ds) {
            for (DNSKEYRecord key : dnskeys) {
                if (key.getFootprint() == d.getFootprint() && java.util.Arrays.equals(d.getDigest(),
                        new DSRecord(zone, key.getDClass(), 0, d.getDigestID(), key).getDigest())) {
                    return new Result(Status.SECURE, above.detail() + " -> " + zone);
                }
            }
        }
        return new Result(Status.BOGUS, "no DS of " + zone + " at its parent matches its DNSKEY");
    }

    private List<DNSKEYRecord> dnskeys(Name zone) {
        Message reply = askQuietly(zone, Type.DNSKEY);
        List<DNSKEYRecord> keys = new ArrayList<>();
        if (reply != null) {
            for (Record r : reply.getSection(Section.ANSWER)) {
                if (r instanceof DNSKEYRecord k) {
                    keys.add(k);
                }
            }
        }
        return keys;
    }

    private boolean signedAt(Name zone) {
        return !dnskeys(zone).isEmpty();
    }

    /** An RRset's problem, or null when one of its RRSIGs verifies with one of the keys now. */
    private static String verify(RRset set, List<DNSKEYRecord> keys) {
        List<RRSIGRecord> sigs = set.sigs();
        if (sigs.isEmpty()) {
            return "no RRSIG";
        }
        String problem = "made with no key of the zone's DNSKEY set";
        for (RRSIGRecord sig : sigs) {
            for (DNSKEYRecord key : keys) {
                if (key.getFootprint() != sig.getFootprint() || key.getAlgorithm() != sig.getAlgorithm()) {
                    continue;
                }
                try {
                    DNSSEC.verify(set, sig, key);
                    return null;
                } catch (DNSSEC.SignatureExpiredException e) {
                    problem = "RRSIG expired at " + sig.getExpire();
                } catch (DNSSEC.SignatureNotYetValidException e) {
                    problem = "RRSIG not valid before " + sig.getTimeSigned();
                } catch (DNSSEC.DNSSECException e) {
                    problem = "RRSIG does not verify (" + e.getMessage() + ")";
                }
            }
        }
        return problem;
    }

    private static boolean hasRrsig(Message reply) {
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
            for (Record r : reply.getSection(section)) {
                if (r.getType() == Type.RRSIG) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The signer of the reply's signatures, else the zone whose SOA it carries. */
    private Name signerOrZone(Message reply, Name name) {
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
            for (Record r : reply.getSection(section)) {
                if (r instanceof RRSIGRecord sig) {
                    return sig.getSigner();
                }
            }
        }
        return zoneOf(name);
    }

    /** The zone caadns serves the name from (the owner of the SOA of a SOA query), or null. */
    private Name zoneOf(Name name) {
        Message reply = askQuietly(name, Type.SOA);
        if (reply == null || reply.getRcode() == Rcode.REFUSED) {
            return null;
        }
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY}) {
            for (Record r : reply.getSection(section)) {
                if (r instanceof SOARecord) {
                    return r.getName();
                }
            }
        }
        return null;
    }

    private Message askQuietly(Name name, int type) {
        try {
            return lookup.askWithDnssec(name, type);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
