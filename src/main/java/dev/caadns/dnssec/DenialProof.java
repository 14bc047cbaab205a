package dev.caadns.dnssec;

import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSECRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Whether a reply's NSEC records prove what it says about a name (RFC 4035 §5.4), as a validator
 * checks after the signatures: an NXDOMAIN needs an NSEC covering the name and one covering the
 * wildcard at its closest encloser; a NODATA an NSEC at the name (or at the wildcard that matched, or
 * one showing an empty non-terminal) without the type or CNAME; a wildcard answer an NSEC covering
 * the next closer name. A signed, valid NSEC that proves something about another name proves nothing
 * here. Names compare in canonical order (dnsjava's {@link Name#compareTo}).
 */
final class DenialProof {
    private final List<NSECRecord> nsecs = new ArrayList<>();

    private DenialProof(Message reply) {
        for (Record r : reply.getSection(Section.AUTHORITY)) {
            if (r instanceof NSECRecord nsec) {
                nsecs.add(nsec);
            }
        }
    }

    /** The problem with the proof that name has no RRset of type (NXDOMAIN when nxdomain), or null when it holds. */
    static String negative(Message reply, Name name, int type, boolean nxdomain) {
        DenialProof proof = new DenialProof(reply);
        return nxdomain ? proof.nxdomain(name) : proof.nodata(name, type);
    }

    /** The problem with the proof that a wildcard made this answer (no closer name exists), or null. */
    static String wildcardAnswer(Message reply, Name name, RRSIGRecord sig) {
        int owned = name.labels() - 1; // without the root
        if (sig.getLabels() >= owned) {
            return null;
        }
        Name nextCloser = new Name(name, owned - sig.getLabels() - 1);
        DenialProof proof = new DenialProof(reply);
        return proof.covering(nextCloser) != null ? null : "the answer is a wildcard's (RRSIG labels "
                + sig.getLabels() + "), but no NSEC proves " + nextCloser + " does not exist";
    }

    private String nxdomain(Name name) {
        NSECRecord cover = covering(name);
        if (cover == null) {
            NSECRecord at = at(name);
            return at != null ? "the NSEC at " + name + " says it exists, yet the answer is NXDOMAIN"
                    : "no NSEC covers " + name + " (" + describe() + ")";
        }
        Name wildcard = wildcardAt(closestEncloser(name, cover));
        if (at(wildcard) != null) {
            return "the NSEC at " + wildcard + " says the wildcard exists, so " + name + " would be answered from it";
        }
        return covering(wildcard) != null ? null : "no NSEC covers the wildcard " + wildcard + " (" + describe() + ")";
    }

    private String nodata(Name name, int type) {
        NSECRecord at = at(name);
        if (at != null) {
            return lacks(at, type);
        }
        NSECRecord cover = covering(name);
        if (cover == null) {
            return "no NSEC at or covering " + name + " (" + describe() + ")";
        }
        if (cover.getNext().subdomain(name) && !cover.getNext().equals(name)) {
            return null; // an empty non-terminal: the next name lies below it (RFC 4035 §3.1.3.2)
        }
        NSECRecord wildcard = at(wildcardAt(closestEncloser(name, cover)));
        return wildcard == null ? "the NSEC covering " + name + " says it does not exist, yet the answer is NODATA"
                : lacks(wildcard, type);
    }

    private static String lacks(NSECRecord nsec, int type) {
        for (int t : new int[] {type, Type.CNAME}) {
            if (nsec.hasType(t)) {
                return "the NSEC at " + nsec.getName() + " lists " + Type.string(t) + ", so it does not deny it";
            }
        }
        return null;
    }

    private NSECRecord at(Name name) {
        for (NSECRecord nsec : nsecs) {
            if (nsec.getName().equals(name)) {
                return nsec;
            }
        }
        return null;
    }

    /** The NSEC whose owner sorts before name and whose next name after it (the last one wraps to the apex). */
    private NSECRecord covering(Name name) {
        for (NSECRecord nsec : nsecs) {
            Name owner = nsec.getName();
            Name next = nsec.getNext();
            if (!owner.equals(name) && name.subdomain(owner) && (nsec.hasType(Type.DNAME)
                    || nsec.hasType(Type.NS) && !nsec.hasType(Type.SOA))) {
                continue; // from above a zone cut or a DNAME: it says nothing of names below (RFC 4035 §5.4)
            }
            boolean after = owner.compareTo(name) < 0;
            boolean before = name.compareTo(next) < 0;
            boolean wraps = next.compareTo(owner) <= 0 && name.subdomain(next);
            if (wraps ? after : after && before) {
                return nsec;
            }
        }
        return null;
    }

    /** The deepest ancestor of name that the covering NSEC's owner or next name lies at or below. */
    private static Name closestEncloser(Name name, NSECRecord cover) {
        Name a = commonAncestor(name, cover.getName());
        Name b = commonAncestor(name, cover.getNext());
        return a.labels() >= b.labels() ? a : b;
    }

    private static Name commonAncestor(Name name, Name other) {
        Name n = name;
        while (n.labels() > 1 && !other.subdomain(n)) {
            n = new Name(n, 1);
        }
        return n;
    }

    static Name wildcardAt(Name encloser) {
        try {
            return Name.concatenate(Name.fromConstantString("*"), encloser);
        } catch (org.xbill.DNS.NameTooLongException e) {
            throw new IllegalStateException("an encloser is shorter than the name it encloses", e);
        }
    }

    private String describe() {
        return nsecs.isEmpty() ? "none given" : "given: " + String.join(", ", nsecs.stream()
                .map(n -> n.getName() + " -> " + n.getNext()).toList());
    }
}
