package dev.caadns.dnssec;

import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.utils.base32;

/**
 * Whether a reply's NSEC3 records prove what it says about a name (RFC 5155 §8), as {@link
 * DenialProof} does for NSEC: an NXDOMAIN needs the closest encloser proof (an NSEC3 matching an
 * ancestor, one covering the next closer name) and one covering the wildcard there; a NODATA the
 * NSEC3 matching the name, or for a wildcard the closest encloser proof and the one matching the
 * wildcard, without the type or CNAME; a wildcard answer one covering the next closer name.
 */
final class Nsec3Proof {
    private static final base32 BASE32HEX = new base32(base32.Alphabet.BASE32HEX, false, false);

    /** An NSEC3 with its owner's hash decoded. */
    private record Hashed(NSEC3Record record, byte[] owner) {
    }

    private final List<Hashed> records = new ArrayList<>();

    private Nsec3Proof(Message reply) {
        for (Record r : reply.getSection(Section.AUTHORITY)) {
            byte[] owner = r instanceof NSEC3Record && r.getName().labels() > 1
                    ? BASE32HEX.fromString(r.getName().getLabelString(0)) : null;
            if (owner != null) {
                records.add(new Hashed((NSEC3Record) r, owner));
            }
        }
    }

    /** The problem with the proof that name has no RRset of type (NXDOMAIN when nxdomain), or null when it holds. */
    static String negative(Message reply, Name name, int type, boolean nxdomain) {
        Nsec3Proof proof = new Nsec3Proof(reply);
        return nxdomain ? proof.nxdomain(name) : proof.nodata(name, type);
    }

    /** The problem with the proof that a wildcard made this answer (no closer name exists), or null. */
    static String wildcardAnswer(Message reply, Name name, RRSIGRecord sig) {
        int owned = name.labels() - 1;
        if (sig.getLabels() >= owned) {
            return null;
        }
        Name nextCloser = new Name(name, owned - sig.getLabels() - 1);
        return new Nsec3Proof(reply).covering(nextCloser) != null ? null : "the answer is a wildcard's (RRSIG labels "
                + sig.getLabels() + "), but no NSEC3 covers the next closer name " + nextCloser;
    }

    private String nxdomain(Name name) {
        if (matching(name) != null) {
            return "the NSEC3 matching " + name + " says it exists, yet the answer is NXDOMAIN";
        }
        Name encloser = closestEncloser(name);
        if (encloser == null) {
            return "no NSEC3 matches an ancestor of " + name + " (" + describe() + ")";
        }
        Name nextCloser = new Name(name, name.labels() - encloser.labels() - 1);
        if (covering(nextCloser) == null) {
            return "no NSEC3 covers the next closer name " + nextCloser + " (" + describe() + ")";
        }
        Name wildcard = wildcardAt(encloser);
        return covering(wildcard) != null ? null : "no NSEC3 covers the wildcard " + wildcard + " (" + describe() + ")";
    }

    private String nodata(Name name, int type) {
        NSEC3Record at = matching(name);
        if (at != null) {
            return lacks(at, name, type);
        }
        Name encloser = closestEncloser(name);
        NSEC3Record wildcard = encloser == null ? null : matching(wildcardAt(encloser));
        if (wildcard == null) {
            return "no NSEC3 matches " + name + " or a wildcard that would answer for it (" + describe() + ")";
        }
        Name nextCloser = new Name(name, name.labels() - encloser.labels() - 1);
        return covering(nextCloser) == null ? "no NSEC3 covers the next closer name " + nextCloser
                : lacks(wildcard, wildcardAt(encloser), type);
    }

    private static String lacks(NSEC3Record nsec3, Name name, int type) {
        for (int t : new int[] {type, Type.CNAME}) {
            if (nsec3.hasType(t)) {
                return "the NSEC3 matching " + name + " lists " + Type.string(t) + ", so it does not deny it";
            }
        }
        return null;
    }

    /** The nearest proper ancestor of name an NSEC3 matches. */
    private Name closestEncloser(Name name) {
        for (Name n = new Name(name, 1); n.labels() > 1; n = new Name(n, 1)) {
            if (matching(n) != null) {
                return n;
            }
        }
        return null;
    }

    private NSEC3Record matching(Name name) {
        for (Hashed h : records) {
            if (Arrays.equals(h.owner, hash(h.record, name))) {
                return h.record;
            }
        }
        return null;
    }

    /** The NSEC3 whose owner hash sorts before the name's and whose next hash after it (or wraps round). */
    private NSEC3Record covering(Name name) {
        for (Hashed h : records) {
            byte[] digest = hash(h.record, name);
            byte[] next = h.record.getNext();
            boolean after = Arrays.compareUnsigned(h.owner, digest) < 0;
            boolean before = Arrays.compareUnsigned(digest, next) < 0;
            boolean wraps = Arrays.compareUnsigned(next, h.owner) <= 0;
            if (wraps ? after || before : after && before) {
                return h.record;
            }
        }
        return null;
    }

    private static byte[] hash(NSEC3Record record, Name name) {
        try {
            return record.hashName(name);
        } catch (NoSuchAlgorithmException e) {
            return new byte[0];
        }
    }

    private static Name wildcardAt(Name encloser) {
        return DenialProof.wildcardAt(encloser);
    }

    private String describe() {
        return records.isEmpty() ? "none given" : records.size() + " NSEC3 given";
    }
}
