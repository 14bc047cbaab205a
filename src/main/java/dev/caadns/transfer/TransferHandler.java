package dev.caadns.transfer;

import dev.caadns.answer.QueryHandler;
import dev.caadns.wire.Query;
import dev.caadns.wire.Response;
import dev.caadns.zone.RRset;
import dev.caadns.zone.Serial;
import dev.caadns.zone.WireName;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.function.Supplier;
import org.xbill.DNS.Name;

/**
 * AXFR and IXFR in the handler chain (after the lab's faults, so a fault rule can fail a transfer):
 * the zone must be one served here (else NOTAUTH), the client admitted by {@code transfer.allow}
 * (else REFUSED, logged with the reason), then AXFR (RFC 5936, TCP only) streams the whole zone and
 * IXFR (RFC 1995) answers from the zone's history: one SOA when the client is current, the condensed
 * difference from its serial, or the whole zone when history does not reach back. Other queries go on.
 */
final class TransferHandler implements QueryHandler {
    static final int IXFR = 251;
    static final int AXFR = 252;
    private static final int NOTAUTH = 9;
    private static final int CLASS_IN = 1;

    private final QueryHandler next;
    private final Supplier<TransferHistory> history;
    private final TransferSettings settings;
    private final TransferLog transfers;
    private final int udpSize;

    /**
     * @param history null until the server has started: transfers are then passed on (and refused)
     * @param udpSize the largest UDP reply we send (edns.udp-size)
     */
    TransferHandler(QueryHandler next, Supplier<TransferHistory> history, TransferSettings settings, TransferLog transfers,
                    int udpSize) {
        this.next = next;
        this.history = history;
        this.settings = settings;
        this.transfers = transfers;
        this.udpSize = udpSize;
    }

    @Override
    public void handle(Query q, Response r) {
        TransferHistory zones = history.get();
        if ((q.type() != AXFR && q.type() != IXFR) || q.dnsClass() != CLASS_IN || zones == null) {
            next.handle(q, r);
            return;
        }
        String kind = q.type() == AXFR ? "AXFR" : "IXFR";
        Name origin = WireName.toName(Arrays.copyOf(q.name(), q.nameLength()));
        ZoneHistory zone = zones.zone(origin);
        if (zone == null) {
            r.rcode(NOTAUTH);
            r.note("transfer: not a zone served here");
            transfers.transfer(origin, q.client(), kind, -1, "notauth", "not a zone served here");
            return;
        }
        String refusal = refusal(origin, q);
        if (refusal != null) {
            r.rcode(Response.REFUSED);
            r.note("transfer refused: " + refusal);
            transfers.transfer(origin, q.client(), kind, -1, "refused", refusal);
            return;
        }
        r.authoritative(true);
        ZoneVersion current = zone.current();
        if (q.type() == AXFR) {
            if (!q.overTcp()) {
                r.rcode(Response.FORMERR);
                transfers.transfer(origin, q.client(), kind, -1, "formerr", "AXFR over UDP (TCP only, RFC 5936 §4.2)");
                return;
            }
            stream(q, r, origin, current.serial(), kind, Records.whole(current));
            return;
        }
        if (q.clientSerial() < 0) {
            r.rcode(Response.FORMERR);
            transfers.transfer(origin, q.client(), kind, -1, "formerr", "IXFR without the client's SOA in authority");
            return;
        }
        if (!Serial.isAfter(current.serial(), q.clientSerial())) {
            r.answer().add(null, current.content().apex().get(Rr.SOA));
            transfers.transfer(origin, q.client(), "IXFR-UPTODATE", current.serial(), "ok",
                    "client has serial " + q.clientSerial());
            return;
        }
        List<Diff> chain = zone.since(q.clientSerial());
        Diff diff = chain == null ? null : Diff.condense(chain);
        if (q.overTcp()) {
            stream(q, r, origin, current.serial(), diff == null ? "IXFR-AXFR" : kind,
                    diff == null ? Records.whole(current) : Records.incremental(diff));
        } else if (diff != null && fits(q, diff)) {
            Records.incremental(diff).forEachRemaining(rr -> r.answer().add(rr.owner(),
                    new RRset(rr.owner(), rr.type(), rr.ttl(), new byte[][] {rr.rdata()})));
            transfers.transfer(origin, q.client(), kind, current.serial(), "ok", "over UDP from serial "
                    + q.clientSerial() + ", " + diff.size() + " records");
        } else {
            // RFC 1995 §2: too large for UDP (or no difference to send): the current SOA says "ask over TCP".
            r.answer().add(null, current.content().apex().get(Rr.SOA));
            transfers.transfer(origin, q.client(), "IXFR-UDP-SOA", current.serial(), "ok", "client has serial "
                    + q.clientSerial() + "; the difference does not fit in UDP");
        }
    }

    /** Why the client may not transfer the zone, or null when a rule admits it. */
    private String refusal(Name origin, Query q) {
        List<AccessRule> rules = settings.scope(origin).allow();
        String key = q.tsigKey(); // only a verified request gets this far
        for (AccessRule rule : rules) {
            if (rule.admits(q.client(), key)) {
                return null;
            }
        }
        if (rules.isEmpty()) {
            return "no transfer.allow rule (transfers are off by default)";
        }
        return (key == null ? "unsigned request" : "signed with key " + key) + " matches no transfer.allow rule "
                + rules.stream().map(AccessRule::describe).toList();
    }

    private void stream(Query q, Response r, Name origin, long serial, String kind, Iterator<Rr> records) {
        r.note("transfer: " + kind + " of serial " + serial + " streamed"); // the journal's entry; the log has the outcome
        r.stream(new TransferStream(q.copy(), serial, records, settings.messageSize(), outcome -> transfers.transfer(
                origin, outcome.query().client(), kind, serial, outcome.complete() ? "ok" : "cut_short",
                outcome.messages() + " messages, " + outcome.records() + " records, " + outcome.bytes() + " bytes, "
                        + outcome.nanos() / 1_000_000 + " ms")));
    }

    /** True when the difference fits in one UDP reply even uncompressed. */
    private boolean fits(Query q, Diff diff) {
        int limit = q.hasEdns() ? Math.min(q.ednsPayload(), udpSize) - 11 : 512;
        long size = 12 + q.nameLength() + 4;
        Iterator<Rr> all = Records.incremental(diff);
        while (all.hasNext() && size <= limit) {
            Rr rr = all.next();
            size += rr.owner().length + 10 + rr.rdata().length;
        }
        return size <= limit;
    }
}
