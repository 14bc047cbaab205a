package dev.caadns.zone;

import java.nio.file.Path;
import java.util.List;
import org.xbill.DNS.Name;

/**
 * A zone file after parsing and checking: the records to serve and what the checks found.
 * Records are already cleaned: duplicates collapsed, RRset TTLs unified, occluded data removed.
 *
 * @param origin the zone's apex
 * @param source the main zone file
 * @param records the records to serve, in file order
 * @param findings everything the checks reported, in file order
 * @param loadNanos time spent reading and checking
 */
public record LoadedZone(Name origin, Path source, List<SourcedRecord> records,
                         List<Finding> findings, long loadNanos) {

    public LoadedZone {
        records = List.copyOf(records);
        findings = List.copyOf(findings);
    }

    /** True when no finding keeps the zone from being served. */
    public boolean servable() {
        return findings.stream().noneMatch(Finding::blocksServing);
    }

    public LoadedZone withFindings(List<Finding> more) {
        List<Finding> all = new java.util.ArrayList<>(findings);
        all.addAll(more);
        return new LoadedZone(origin, source, records, all, loadNanos);
    }
}
