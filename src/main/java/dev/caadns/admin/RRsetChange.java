package dev.caadns.admin;

import dev.caadns.server.CaadnsServer;
import dev.caadns.zone.Finding;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Sets an RRset in the overlay the way a zone file would be checked: the plugins' checks run first
 * (CAA validation among them), then the zone's load checks over the result (a CNAME beside other
 * data, data below a DNAME, no apex SOA, ...); an error leaves everything as it was, with a 400.
 */
final class RRsetChange {
    private final CaadnsServer server;

    RRsetChange(CaadnsServer server) {
        this.server = server;
    }

    /**
     * What the overlay holds for (owner, type), as a list to add to: records added at runtime append,
     * as in challtestsrv; the first one replaces the zone file's RRset.
     */
    List<Record> appendable(Name owner, int type) {
        List<Record> existing = server.zones().overlaid(owner, type);
        return existing == null ? new ArrayList<>() : new ArrayList<>(existing);
    }

    void replace(Name owner, int type, List<Record> records) {
        List<Finding> findings = server.checkRRset(records);
        List<String> errors = findings.stream().filter(Finding::blocksServing).map(Finding::format).toList();
        if (!errors.isEmpty()) {
            throw new ApiException(400, "the RRset was not changed: " + String.join("; ", errors),
                    findings.stream().map(Finding::format).toList());
        }
        refusedAs400(() -> server.zones().replace(owner, type, records));
    }

    /** Removes the RRset, unless the zone checks find that leaves the zone broken. */
    void delete(Name owner, int type) {
        refusedAs400(() -> server.zones().delete(owner, type));
    }

    /** Serves the zone files' RRset again, unless it would clash with the runtime data. */
    void revert(Name owner, int type) {
        refusedAs400(() -> server.zones().revert(owner, type));
    }

    private static void refusedAs400(Runnable change) {
        try {
            change.run();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("the RRset was not changed: " + e.getMessage());
        }
    }
}
