package dev.caadns.caa;

import dev.caadns.answer.Lookup;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * RFC 8659 §3: ask CAA at the name, then at each parent, until a non-empty answer; never at the
 * root; alias targets are followed by the server but their parents are never climbed (§7).
 */
final class RelevantRRsetSearch {
    private RelevantRRsetSearch() {
    }

    /** Every step taken; the last one is the relevant RRset, a failure, or the TLD's empty answer. */
    static List<Step> run(Name start, Lookup lookup) {
        List<Step> steps = new ArrayList<>();
        for (Name name = start; name.labels() > 1; name = new Name(name, 1)) {
            Step step = interpret(name, lookup.ask(name, Type.CAA));
            steps.add(step);
            if (step.outcome() == Step.Outcome.CAA || step.outcome() == Step.Outcome.FAILED) {
                break;
            }
        }
        return steps;
    }

    static Step interpret(Name asked, Message reply) {
        List<Name> aliases = new ArrayList<>();
        List<CaaProperty> rrset = new ArrayList<>();
        for (Record record : reply.getSection(Section.ANSWER)) {
            if (record instanceof CNAMERecord cname) {
                aliases.add(cname.getTarget());
            } else if (record.getType() == Type.CAA) {
                try {
                    rrset.add(CaaProperty.of(record));
                } catch (MalformedCaaException e) {
                    return new Step(asked, Step.Outcome.FAILED, aliases, List.of(),
                            "unreadable CAA RDATA at " + record.getName() + ": " + e.getMessage());
                }
            }
        }
        if (reply.getHeader().getFlag(Flags.TC)) {
            return new Step(asked, Step.Outcome.FAILED, aliases, List.of(), "truncated reply (TC set)");
        }
        int rcode = reply.getRcode();
        if (rcode == Rcode.NOERROR) {
            return new Step(asked, rrset.isEmpty() ? Step.Outcome.NODATA : Step.Outcome.CAA, aliases, rrset, "");
        }
        if (rcode == Rcode.NXDOMAIN) {
            return new Step(asked, Step.Outcome.NXDOMAIN, aliases, List.of(), "");
        }
        if (rcode == Rcode.REFUSED) {
            return new Step(asked, Step.Outcome.REFUSED, aliases, List.of(), "not in our zones");
        }
        return new Step(asked, Step.Outcome.FAILED, aliases, List.of(), "rcode " + Rcode.string(rcode));
    }
}
