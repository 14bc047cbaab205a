package dev.caadns.zone;

import java.util.Arrays;

/** Comparisons of whole zones over their indexes, without a dnsjava record per record. */
public final class ZoneContent {
    private ZoneContent() {
    }

    /**
     * True when both indexes serve the same records: the same owners (written in the same letter
     * case), types, TTLs and RDATA. Each index holds no duplicate record, so "the same count, and
     * every record of one is in the other" is equality.
     */
    public static boolean same(ZoneIndex a, ZoneIndex b) {
        if (a.recordCount() != b.recordCount() || a.nameCount() != b.nameCount()) {
            return false;
        }
        boolean[] same = {true};
        a.forEachNode(node -> {
            if (same[0] && !holdsAll(b.find(node.name(), 0, node.name().length), node)) {
                same[0] = false;
            }
        });
        return same[0];
    }

    private static boolean holdsAll(Node theirs, Node ours) {
        if (theirs != null && !Arrays.equals(theirs.owner(), ours.owner())) {
            return false;
        }
        for (RRset set : ours.rrsets()) {
            RRset other = theirs == null ? null : theirs.get(set.type());
            if (other == null || other.ttl() != set.ttl() || other.size() != set.size()) {
                return false;
            }
            for (int i = 0; i < set.size(); i++) {
                if (!holds(other, set.rdata(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** True when the set holds a record with exactly this RDATA. */
    public static boolean holds(RRset set, byte[] rdata) {
        for (int i = 0; i < set.size(); i++) {
            if (Arrays.equals(set.rdata(i), rdata)) {
                return true;
            }
        }
        return false;
    }
}
