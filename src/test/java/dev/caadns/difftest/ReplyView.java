package dev.caadns.difftest;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** What the differential test compares in one reply: rcode, AA, TC, the OPT summary and each section as a set of RRs. */
record ReplyView(int rcode, boolean aa, boolean tc, String opt, Map<Integer, Set<Rr>> sections) {
    static final List<Integer> COMPARED_SECTIONS = List.of(Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL);
    static final String NO_OPT = "no OPT";

    static ReplyView of(Message reply) {
        OPTRecord opt = reply.getOPT();
        return new ReplyView(reply.getRcode(), reply.getHeader().getFlag(Flags.AA),
                reply.getHeader().getFlag(Flags.TC), opt == null ? NO_OPT : optSummary(opt),
                Map.of(Section.ANSWER, rrs(reply, Section.ANSWER), Section.AUTHORITY, rrs(reply, Section.AUTHORITY),
                        Section.ADDITIONAL, rrs(reply, Section.ADDITIONAL)));
    }

    Set<Rr> section(int section) {
        return sections.get(section);
    }

    /** A copy with one section replaced, for the relaxations in {@link KnownDifferences}. */
    ReplyView withSection(int section, UnaryOperator<Set<Rr>> change) {
        Map<Integer, Set<Rr>> copy = new java.util.HashMap<>(sections);
        copy.put(section, Set.copyOf(change.apply(new TreeSet<>(sections.get(section)))));
        return new ReplyView(rcode, aa, tc, opt, Map.copyOf(copy));
    }

    ReplyView withRcodeAndAa(int newRcode, boolean newAa) {
        return new ReplyView(newRcode, newAa, tc, opt, sections);
    }

    private static String optSummary(OPTRecord opt) {
        return "OPT version " + opt.getVersion() + ((opt.getFlags() & Flags.DO) != 0 ? " DO" : "")
                + " udp " + opt.getPayloadSize();
    }

    private static Set<Rr> rrs(Message reply, int section) {
        Set<Rr> rrs = new TreeSet<>();
        for (Record rr : reply.getSection(section)) {
            if (rr.getType() != Type.OPT) {
                rrs.add(new Rr(rr));
            }
        }
        return rrs;
    }

    static String rcodeText(int rcode) {
        return Rcode.string(rcode);
    }
}
