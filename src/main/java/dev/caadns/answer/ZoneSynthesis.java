package dev.caadns.answer;

import dev.caadns.wire.Response;
import dev.caadns.zone.Node;
import dev.caadns.zone.RRset;
import dev.caadns.zone.ZoneIndex;
import java.util.List;
import org.xbill.DNS.Record;

/**
 * Data a plugin adds to the zones at query time (the CAA module's templates), consulted by
 * {@link ZoneAnswerer} wherever it looks a name up, so a synthesized RRset behaves exactly like one
 * written in the zone file: for the question, for CNAME and DNAME targets, for wildcards. The core
 * does not know which types a plugin synthesizes. Runs on event-loop threads: must not block and
 * should not allocate.
 */
public interface ZoneSynthesis {
    ZoneSynthesis NONE = new ZoneSynthesis() {
        @Override
        public RRset rrset(ZoneIndex zone, Node node, byte[] name, int off, int len, int type, Response response) {
            return null;
        }

        @Override
        public boolean exists(ZoneIndex zone, byte[] name, int off, int len) {
            return false;
        }
    };

    /**
     * The synthesized RRset of this type at a name with none of its own and not below a zone cut, or
     * null; for ANY (255), any one RRset synthesized there.
     *
     * @param node the name's node, or null when it exists only by {@link #exists}
     * @param response where to leave a note on what synthesized it
     */
    RRset rrset(ZoneIndex zone, Node node, byte[] name, int off, int len, int type, Response response);

    /**
     * True when a name the zone does not hold exists by synthesis: it, or a name below it, gets a
     * synthesized RRset (RFC 8020: a name with descendants is never NXDOMAIN).
     */
    boolean exists(ZoneIndex zone, byte[] name, int off, int len);

    /**
     * What this synthesis adds to the zone, written out as records for a zone transfer: a secondary
     * serving them with the zone must answer as this server does. Names made up without end (that no
     * table lists) cannot be written and are left out. Off the query path; may take its time.
     */
    default List<Record> records(ZoneSet zones, ZoneIndex zone) {
        return List.of();
    }

    /**
     * True when names the zone does not hold may exist in it by synthesis ({@link #exists}), so a
     * signer must deny names one at a time instead of with an NSEC chain over the zone's own names.
     */
    default boolean synthesizesNames(ZoneIndex zone) {
        return false;
    }
}
