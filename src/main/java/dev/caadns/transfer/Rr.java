package dev.caadns.transfer;

import dev.caadns.zone.RRset;
import dev.caadns.zone.WireName;
import java.util.Arrays;
import java.util.Collection;

/**
 * One resource record of a zone version in wire form, compared as IXFR compares records: owner in
 * any case, type, TTL and RDATA (a TTL change is a deletion and an addition).
 */
record Rr(byte[] owner, int type, long ttl, byte[] rdata) {
    static final int SOA = 6;

    /** The records of an RRset, in order. */
    static void addAll(RRset set, Collection<Rr> out) {
        for (int i = 0; i < set.size(); i++) {
            out.add(new Rr(set.owner(), set.type(), set.ttl(), set.rdata(i)));
        }
    }

    /** The serial of an SOA record's RDATA. */
    long serial() {
        int at = WireName.length(rdata, 0);
        at += WireName.length(rdata, at);
        return ((rdata[at] & 0xffL) << 24) | ((rdata[at + 1] & 0xff) << 16) | ((rdata[at + 2] & 0xff) << 8)
                | (rdata[at + 3] & 0xff);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Rr r && type == r.type && ttl == r.ttl && owner.length == r.owner.length
                && WireName.equalsIgnoreCase(owner, 0, r.owner, 0) && Arrays.equals(rdata, r.rdata);
    }

    @Override
    public int hashCode() {
        return (WireName.hash(owner, 0, owner.length) * 31 + type) * 31 + Arrays.hashCode(rdata);
    }
}
