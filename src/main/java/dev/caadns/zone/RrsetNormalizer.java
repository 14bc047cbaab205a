package dev.caadns.zone;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Makes every RRset servable as one set: identical records collapse to the first, and every record
 * takes the TTL of the set's first record, as NSD and Knot serve it (RFC 2181 §5.2, §5.5).
 * What makes records one RRset: owner (case-insensitive), class and type; signatures form one set
 * per type they cover, since each carries that set's TTL. Records are identical as dnsjava's
 * {@code Record.equals} says: same canonical rdata, so names inside rdata compare without case.
 */
final class RrsetNormalizer implements LoadCheck {

    /** Sets this small are compared pair by pair instead of hashed. */
    private static final int PAIRWISE = 16;

    /** What becomes of record {@code at}: dropped ({@code ttl} < 0) or re-TTLed. */
    private record Fix(int at, long ttl, Finding finding) {
    }

    @Override
    public void apply(Name origin, RecordStore records, List<Finding> findings) {
        RecordStore.Groups nodes = records.byNode();
        List<Fix> fixes = new ArrayList<>();
        int[] set = new int[16];
        for (int n = 0; n < records.nodeCount(); n++) {
            int size = nodes.size(n);
            if (size < 2) {
                continue;
            }
            if (set.length < size) {
                set = new int[size * 2];
            }
            System.arraycopy(nodes.members(), nodes.start()[n], set, 0, size);
            sortBySet(records, set, size);
            for (int from = 0, to; from < size; from = to) {
                to = from + 1;
                while (to < size && key(records, set[from]) == key(records, set[to])) {
                    to++;
                }
                if (to - from > 1) {
                    normalize(records, set, from, to, fixes);
                }
            }
        }
        fixes.sort(Comparator.comparingInt(Fix::at));
        for (Fix fix : fixes) {
            findings.add(fix.finding());
            if (fix.ttl() < 0) {
                records.drop(fix.at());
            } else {
                records.ttl(fix.at(), fix.ttl());
            }
        }
    }

    /** Class, type and the type a signature covers, which together make an RRset. */
    private static long key(RecordStore records, int i) {
        return (long) records.dclass(i) << 32 | (long) records.type(i) << 16 | covered(records, i);
    }

    private static int covered(RecordStore records, int i) {
        if (records.type(i) != Type.RRSIG || records.rdataLength(i) < 2) {
            return 0;
        }
        byte[] data = records.data();
        int p = records.rdataStart(i);
        return (data[p] & 0xff) << 8 | (data[p + 1] & 0xff);
    }

    /** A stable sort (file order within each set): insertion, as a node holds a few records. */
    private static void sortBySet(RecordStore records, int[] set, int size) {
        for (int i = 1; i < size; i++) {
            int r = set[i];
            long k = key(records, r);
            int j = i - 1;
            while (j >= 0 && key(records, set[j]) > k) {
                set[j + 1] = set[j];
                j--;
            }
            set[j + 1] = r;
        }
    }

    /** One RRset of two or more records, set[from, to) in file order. */
    private static void normalize(RecordStore records, int[] set, int from, int to,
                                  List<Fix> fixes) {
        int first = set[from];
        long ttl = records.ttl(first);
        Identity identity = new Identity(records, set, from, to);
        for (int k = from; k < to; k++) {
            int r = set[k];
            int same = identity.earlierCopy(k);
            if (same >= 0) {
                fixes.add(new Fix(r, -1, Findings.warning("Z-DUPLICATE", records, r,
                        "duplicate of the record at " + Findings.place(records, same) + ": "
                                + Findings.show(records, r) + "; served once",
                        "remove the repeated record")));
            } else if (records.ttl(r) != ttl) {
                fixes.add(new Fix(r, ttl, Findings.warning("Z-TTL-MISMATCH", records, r, "TTL "
                        + records.ttl(r) + " does not match the TTL " + ttl + " of the "
                        + Type.string(records.type(r)) + " RRset (first at "
                        + Findings.place(records, first) + "); TTL " + ttl
                        + " is served", "give every record of the RRset the same TTL")));
            }
        }
    }

    /** Finds, for each record of one set, the first earlier record equal to it. */
    private static final class Identity {
        private final RecordStore records;
        private final int[] set;
        private final int from;
        private final byte[][] canonical;
        private final Map<ByteBuffer, Integer> firstByRdata;

        Identity(RecordStore records, int[] set, int from, int to) {
            this.records = records;
            this.set = set;
            this.from = from;
            this.canonical = bytesCompare(records.type(set[from])) ? null : new byte[to - from][];
            if (canonical != null) {
                for (int k = from; k < to; k++) {
                    canonical[k - from] = records.record(set[k]).rdataToWireCanonical();
                }
            }
            this.firstByRdata = to - from > PAIRWISE ? new HashMap<>() : null;
        }

        /** The record index of the first copy of set[k] before it, or -1; call for k in order. */
        int earlierCopy(int k) {
            if (firstByRdata != null) {
                Integer same = firstByRdata.putIfAbsent(rdata(k), set[k]);
                return same == null ? -1 : same;
            }
            for (int j = from; j < k; j++) {
                if (equal(j, k)) {
                    return set[j];
                }
            }
            return -1;
        }

        private boolean equal(int j, int k) {
            return canonical == null ? records.rdataEquals(set[j], set[k])
                    : java.util.Arrays.equals(canonical[j - from], canonical[k - from]);
        }

        private ByteBuffer rdata(int k) {
            if (canonical != null) {
                return ByteBuffer.wrap(canonical[k - from]);
            }
            int r = set[k];
            return ByteBuffer.wrap(records.data(), records.rdataStart(r), records.rdataLength(r));
        }

        /** Types whose rdata holds no name, so the bytes as written are the canonical form. */
        private static boolean bytesCompare(int type) {
            return type == Type.A || type == Type.AAAA || type == Type.TXT || type == Type.CAA;
        }
    }
}
