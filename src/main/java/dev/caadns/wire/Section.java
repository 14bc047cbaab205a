package dev.caadns.wire;

import dev.caadns.zone.RRset;

/**
 * The RRsets of one message section, each with the owner to write (null = the question name) and
 * the RRSIGs that go with it, which the writer keeps with it whole or leaves out with it.
 */
public final class Section {
    private byte[][] owners = new byte[8][];
    private int[] ownerOffsets = new int[8];
    private RRset[] sets = new RRset[8];
    private RRset[] signatures = new RRset[8];
    private int count;

    public void add(byte[] owner, RRset set) {
        add(owner, set, null);
    }

    /** @param rrsigs the RRSIG RRset over set, or null */
    public void add(byte[] owner, RRset set, RRset rrsigs) {
        add(owner, 0, set, rrsigs);
    }

    /** As {@link #add(byte[], RRset, RRset)}, the owner's name starting at owner[ownerOff]. */
    public void add(byte[] owner, int ownerOff, RRset set, RRset rrsigs) {
        if (count == sets.length) {
            owners = java.util.Arrays.copyOf(owners, count * 2);
            ownerOffsets = java.util.Arrays.copyOf(ownerOffsets, count * 2);
            sets = java.util.Arrays.copyOf(sets, count * 2);
            signatures = java.util.Arrays.copyOf(signatures, count * 2);
        }
        owners[count] = owner;
        ownerOffsets[count] = ownerOff;
        signatures[count] = rrsigs;
        sets[count++] = set;
    }

    public boolean contains(RRset set) {
        for (int i = 0; i < count; i++) {
            if (sets[i] == set) {
                return true;
            }
        }
        return false;
    }

    /** True when set, or an RRset with the same owner, type and RDATA (one made again online), is here. */
    public boolean containsSame(RRset set) {
        for (int i = 0; i < count; i++) {
            RRset other = sets[i];
            if (other == set || other.type() == set.type()
                    && java.util.Arrays.equals(other.owner(), set.owner())
                    && other.sameRdata(set)) {
                return true;
            }
        }
        return false;
    }

    public int count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Owner to write for entry i: null means the question name. */
    public byte[] owner(int i) {
        return owners[i];
    }

    /** Where entry i's owner name starts in {@link #owner(int)}. */
    public int ownerOffset(int i) {
        return ownerOffsets[i];
    }

    public RRset rrset(int i) {
        return sets[i];
    }

    /** The smallest TTL of the RRsets here, or -1 when there are none. */
    long smallestTtl() {
        long smallest = -1;
        for (int i = 0; i < count; i++) {
            if (smallest < 0 || sets[i].ttl() < smallest) {
                smallest = sets[i].ttl();
            }
        }
        return smallest;
    }

    /** The RRSIGs over entry i, or null. */
    public RRset signatures(int i) {
        return signatures[i];
    }

    void clear() {
        java.util.Arrays.fill(owners, 0, count, null);
        java.util.Arrays.fill(sets, 0, count, null);
        java.util.Arrays.fill(signatures, 0, count, null);
        count = 0;
    }
}
