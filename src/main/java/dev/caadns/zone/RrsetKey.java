package dev.caadns.zone;

import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;

/**
 * What makes records one RRset: owner (case-insensitive), class and type; signatures form one set
 * per type they cover, since each carries that set's TTL.
 */
record RrsetKey(Name owner, int dclass, int type, int covered) {

    static RrsetKey of(Record record) {
        int covered = record instanceof RRSIGRecord sig ? sig.getTypeCovered() : 0;
        return new RrsetKey(record.getName(), record.getDClass(), record.getType(), covered);
    }
}
