package dev.caadns.caa;

import java.util.List;
import org.xbill.DNS.Name;

/**
 * One CAA query of the relevant-RRset search and what came back.
 *
 * @param asked the name queried
 * @param outcome what the reply meant for the search
 * @param aliases CNAME targets the server followed, in order (DNAME-synthesised ones included)
 * @param rrset the CAA properties answered (empty unless {@link Outcome#CAA})
 * @param detail extra words for an odd reply (rcode, truncation, bad RDATA), or ""
 * @param askedAgain alias targets asked again because the answer stopped there, at the edge of the
 *     zone holding the alias (a CA's resolver goes on in the zone holding the target)
 */
public record Step(Name asked, Outcome outcome, List<Name> aliases, List<CaaProperty> rrset, String detail,
                   List<Name> askedAgain) {

    public enum Outcome {
        /** A non-empty CAA RRset: the search stops here. */
        CAA,
        /** The name exists but has no CAA: climb. */
        NODATA,
        /** The name does not exist: climb. */
        NXDOMAIN,
        /** Not in our zones: a real CA would ask the public DNS here; read as empty. */
        REFUSED,
        /** Any other failure: CAs do not issue. */
        FAILED
    }

    public Step {
        aliases = List.copyOf(aliases);
        rrset = List.copyOf(rrset);
        askedAgain = List.copyOf(askedAgain);
    }

    /** A step answered by one reply. */
    public Step(Name asked, Outcome outcome, List<Name> aliases, List<CaaProperty> rrset, String detail) {
        this(asked, outcome, aliases, rrset, detail, List.of());
    }

    /** Where the answer came from: the last alias target, or the name asked. */
    public Name answeredAt() {
        return aliases.isEmpty() ? asked : aliases.get(aliases.size() - 1);
    }

    /** A single-label name (a TLD), where Boulder reads NXDOMAIN as an error. */
    boolean askedTld() {
        return asked.labels() == 2;
    }
}
