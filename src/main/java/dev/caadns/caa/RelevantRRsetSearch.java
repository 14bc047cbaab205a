package dev.caadns.caa;

import dev.caadns.answer.Lookup;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
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
 * root; alias targets are followed but their parents are never climbed (§7). Where an answer stops
 * after an alias whose target is in another zone (Knot's and ours do), the target is asked again,
 * as a CA's resolver does, through every zone served, with a guard against loops.
 */
final class RelevantRRsetSearch {
    /** Aliases one question may go through; resolvers give up on longer chains too. */
    private static final int MAX_ALIASES = 16;

    private RelevantRRsetSearch() {
    }

    /** Every step taken; the last one is the relevant RRset, a failure, or the TLD's empty answer. */
    static List<Step> run(Name start, Lookup lookup) {
        List<Step> steps = new ArrayList<>();
        for (Name name = start; name.labels() > 1; name = new Name(name, 1)) {
            Step step;
            try {
                step = ask(name, lookup);
            } catch (Lookup.NoReplyException e) {
                step = new Step(name, Step.Outcome.FAILED, List.of(), List.of(), e.getMessage());
            }
            steps.add(step);
            if (step.outcome() == Step.Outcome.CAA || step.outcome() == Step.Outcome.FAILED) {
                break;
            }
        }
        return steps;
    }

    /** One CAA question as a CA's resolver asks it, alias targets in other zones asked again. */
    private static Step ask(Name name, Lookup lookup) {
        Message reply = lookup.ask(name, Type.CAA);
        Step step = interpret(name, reply);
        List<Name> chain = new ArrayList<>(List.of(name));
        chain.addAll(step.aliases());
        List<Name> askedAgain = new ArrayList<>();
        Step last = step; // what the latest reply alone said
        while (stoppedAfterAlias(last, reply)) {
            Name target = last.answeredAt();
            askedAgain.add(target);
            reply = lookup.ask(target, Type.CAA);
            Step next = interpret(target, reply);
            last = next;
            List<Name> aliases = new ArrayList<>(step.aliases());
            aliases.addAll(next.aliases());
            for (Name alias : next.aliases()) {
                boolean loop = chain.contains(alias);
                chain.add(alias);
                if (loop || chain.size() > MAX_ALIASES + 1) {
                    String what = loop ? "CNAME loop: " : "more than " + MAX_ALIASES + " aliases: ";
                    return new Step(name, Step.Outcome.FAILED, aliases, List.of(),
                            what + chain.stream().map(Name::toString).collect(Collectors.joining(" -> ")),
                            askedAgain);
                }
            }
            step = new Step(name, next.outcome(), aliases, next.rrset(), next.detail(), askedAgain);
        }
        return step;
    }

    /**
     * An empty answer ending in an alias with no negative answer (SOA) for its target: the server
     * did not go on into the target's zone, so the answer says nothing about the target yet.
     */
    private static boolean stoppedAfterAlias(Step step, Message reply) {
        return step.outcome() == Step.Outcome.NODATA && !step.aliases().isEmpty()
                && reply.getSection(Section.AUTHORITY).stream().noneMatch(r -> r.getType() == Type.SOA);
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
