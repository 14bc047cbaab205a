package dev.caadns.transfer;

import dev.caadns.answer.OpcodeHandler;
import dev.caadns.wire.Query;
import dev.caadns.wire.Response;
import dev.caadns.zone.WireName;
import java.util.Arrays;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;

/**
 * An incoming NOTIFY (RFC 1996) answered as a primary answers it, as Knot does: acknowledged
 * (NOERROR, AA, the question echoed) for a zone served here, which has nothing to fetch since we are
 * its source; NOTAUTH for any other zone. Logged either way, so a misdirected secondary shows.
 */
final class NotifyHandler implements OpcodeHandler {
    private static final Logger log = LoggerFactory.getLogger(NotifyHandler.class);
    private static final int SOA = 6;

    private final Supplier<TransferHistory> history;

    NotifyHandler(Supplier<TransferHistory> history) {
        this.history = history;
    }

    @Override
    public void handle(byte[] message, int length, Query query, Response response) {
        if (!query.hasQuestion() || query.type() != SOA) {
            response.rcode(Response.FORMERR); // RFC 1996 §3.7: the question names the zone, type SOA
            return;
        }
        Name zone = WireName.toName(Arrays.copyOf(query.name(), query.nameLength()));
        TransferHistory zones = history.get();
        String from = TransferLog.address(query.client());
        if (zones == null || zones.zone(zone) == null) {
            log.warn("NOTIFY for {} from {}: not a zone served here (NOTAUTH)", zone, from);
            response.rcode(Response.NOTAUTH);
            return;
        }
        log.info("NOTIFY for {} from {}: acknowledged; this server is the zone's primary, nothing to fetch", zone, from);
        response.authoritative(true);
    }
}
