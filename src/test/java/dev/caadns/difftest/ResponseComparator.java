package dev.caadns.difftest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.xbill.DNS.Section;

/** Lists how two replies to the same query differ, after the relaxations {@link KnownDifferences} allows. */
final class ResponseComparator {
    private final String underTestName;
    private final String refereeName;
    private final KnownDifferences known;

    ResponseComparator(String underTestName, String refereeName, KnownDifferences known) {
        this.underTestName = underTestName;
        this.refereeName = refereeName;
        this.known = known;
    }

    List<String> differences(GeneratedQuery query, ReplyView underTest, ReplyView referee) {
        ReplyPair pair = known.relax(query, new ReplyPair(underTest, referee));
        List<String> diffs = new ArrayList<>(pair.violations());
        ReplyView ours = pair.underTest();
        ReplyView theirs = pair.referee();
        if (ours.rcode() != theirs.rcode()) {
            diffs.add("rcode " + both(ReplyView.rcodeText(ours.rcode()), ReplyView.rcodeText(theirs.rcode())));
        }
        if (ours.aa() != theirs.aa()) {
            diffs.add("AA " + both(ours.aa(), theirs.aa()));
        }
        if (ours.tc() != theirs.tc()) {
            diffs.add("TC " + both(ours.tc(), theirs.tc()));
        }
        if (!ours.opt().equals(theirs.opt())) {
            diffs.add("OPT " + both(ours.opt(), theirs.opt()));
        }
        for (int section : ReplyView.COMPARED_SECTIONS) {
            onlyIn(underTestName, section, ours.section(section), theirs.section(section), diffs);
            onlyIn(refereeName, section, theirs.section(section), ours.section(section), diffs);
        }
        return diffs;
    }

    private String both(Object ours, Object theirs) {
        return underTestName + " " + ours + ", " + refereeName + " " + theirs;
    }

    private static void onlyIn(String who, int section, Set<Rr> mine, Set<Rr> other, List<String> diffs) {
        Set<Rr> extra = new TreeSet<Rr>(mine);
        extra.removeAll(other);
        extra.forEach(rr -> diffs.add(Section.string(section) + " only in " + who + ": " + rr));
    }
}
