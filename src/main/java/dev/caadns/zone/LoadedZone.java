package dev.caadns.zone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * A zone file after parsing and checking: its index and what the checks found. Records are already
 * cleaned: duplicates collapsed, RRset TTLs unified, occluded data removed. Until it is dropped it
 * also knows where each indexed record came from (file, line, comment), for the validators'
 * findings; that costs a few int arrays, not an object per record.
 */
public final class LoadedZone {
    private final Name origin;
    private final Path source;
    private final RecordStore records;
    private final ZoneIndex index;
    private final LoadOrder loadOrder;
    private final List<Finding> findings;
    private final long loadNanos;

    /**
     * @param origin the zone's apex
     * @param source the main zone file
     * @param records the records to serve, in file order, already checked
     * @param findings what the checks reported, in file order
     * @param loadNanos time spent reading and checking
     */
    public LoadedZone(Name origin, Path source, List<SourcedRecord> records, List<Finding> findings,
                      long loadNanos) {
        this(origin, source, RecordStore.of(records), List.copyOf(findings), loadNanos);
    }

    LoadedZone(Name origin, Path source, RecordStore records, List<Finding> findings, long loadNanos) {
        this.origin = origin;
        this.source = source;
        this.records = records;
        this.loadOrder = new LoadOrder(records.size());
        records.freeLookups();
        this.index = ZoneIndex.build(origin, records, loadOrder);
        records.keepPlacesOnly();
        this.findings = List.copyOf(findings);
        this.loadNanos = loadNanos;
    }

    private LoadedZone(LoadedZone zone, List<Finding> findings, long loadNanos) {
        this.origin = zone.origin;
        this.source = zone.source;
        this.records = zone.records;
        this.loadOrder = zone.loadOrder;
        this.index = zone.index;
        this.findings = List.copyOf(findings);
        this.loadNanos = loadNanos;
    }

    public Name origin() {
        return origin;
    }

    public Path source() {
        return source;
    }

    /** Everything the checks reported, in file order. */
    public List<Finding> findings() {
        return findings;
    }

    /** Time spent reading and checking. */
    public long loadNanos() {
        return loadNanos;
    }

    /**
     * The served records, built for the caller (one dnsjava record each): for tests and tools
     * over small zones; servers use {@link #index()}.
     */
    public List<SourcedRecord> records() {
        SourcedRecord[] inOrder = new SourcedRecord[records.size()];
        index.forEachNode(node -> {
            for (RRset set : node.rrsets()) {
                for (int i = 0; i < set.size(); i++) {
                    inOrder[record(set, i)] = sourced(set, i);
                }
            }
        });
        List<SourcedRecord> served = new ArrayList<>(index.recordCount());
        for (SourcedRecord r : inOrder) {
            if (r != null) {
                served.add(r);
            }
        }
        return served;
    }

    public int recordCount() {
        return index.recordCount();
    }

    /** The zone as it would be served (see {@link ZoneIndex#hasSoa()}: without an SOA it is not). */
    public ZoneIndex index() {
        return index;
    }

    /** The SOA serial, or -1 without an SOA at the apex. */
    public long serial() {
        return index.serial();
    }

    /** True when no finding keeps the zone from being served. */
    public boolean servable() {
        return findings.stream().noneMatch(Finding::blocksServing);
    }

    public LoadedZone withFindings(List<Finding> more) {
        List<Finding> all = new ArrayList<>(findings);
        all.addAll(more);
        return new LoadedZone(this, all, loadNanos);
    }

    LoadedZone withLoadNanos(long nanos) {
        return new LoadedZone(this, findings, nanos);
    }

    /** File of record i of an RRset of {@link #index()}. */
    public String file(RRset set, int i) {
        return records.file(record(set, i));
    }

    /** 1-based line where record i of an RRset of {@link #index()} starts. */
    public int line(RRset set, int i) {
        return records.line(record(set, i));
    }

    /** False when no record of the zone has a comment: {@link #comment} is then "" for every one. */
    public boolean hasComments() {
        return records.hasComments();
    }

    /** The comment on the lines of record i of an RRset of {@link #index()}, or "". */
    public String comment(RRset set, int i) {
        return records.comment(record(set, i));
    }

    /** The owner of record i of an RRset of {@link #index()}, in the case it was written in. */
    public Name owner(RRset set, int i) {
        return records.ownerName(record(set, i));
    }

    /** Record i of an RRset of {@link #index()} with its place, as dnsjava reads it. */
    public SourcedRecord sourced(RRset set, int i) {
        int r = record(set, i);
        Record record = Rdata.record(records.ownerName(r), set.type(), set.ttl(), set.rdata(i));
        return new SourcedRecord(record, records.file(r), records.line(r), records.comment(r));
    }

    /** The place of record i of an RRset of {@link #index()} in reading order, from 0. */
    public int ordinal(RRset set, int i) {
        return record(set, i);
    }

    private int record(RRset set, int i) {
        return loadOrder.record(set, i);
    }
}
