package dev.caadns.transfer;

import dev.caadns.answer.SignedZone;
import dev.caadns.answer.ZoneSet;
import dev.caadns.answer.ZoneSynthesis;
import dev.caadns.server.ServedZones;
import dev.caadns.zone.ZoneContent;
import dev.caadns.zone.ZoneIndex;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Every served zone's transfer history, kept up to date as new versions are published: each reload,
 * API change or UPDATE that gives a zone a new version adds its difference (bounded per zone).
 * Readers (the transfer handler on the event loops) see one immutable map.
 */
final class TransferHistory implements ServedZones.Listener {
    private static final Logger log = LoggerFactory.getLogger(TransferHistory.class);

    private final ZoneSynthesis synthesis;
    private final int depth;
    private final boolean transferable;
    private final BiConsumer<Name, Long> serialChanged;
    private volatile Map<Name, ZoneHistory> zones = Map.of();
    /** The zones whose serial the last {@link #published} moved, told once queries see them (publishing thread only). */
    private Map<Name, Long> toAnnounce = Map.of();

    /**
     * @param transferable false when no rule lets anyone transfer: each zone's version is then only its
     *     served index (requests are refused before any data is read), without what plugins synthesize
     *     written out, signatures or differences, which for a million template names cost more time and
     *     memory than the zone's own load
     * @param serialChanged told (zone, new serial) once queries see a zone's serial moved; must only queue work
     */
    TransferHistory(ZoneSynthesis synthesis, int depth, boolean transferable, BiConsumer<Name, Long> serialChanged) {
        this.synthesis = synthesis;
        this.depth = depth;
        this.transferable = transferable;
        this.serialChanged = serialChanged;
    }

    @Override
    public void published(ZoneSet previous, ZoneSet next) {
        Map<Name, ZoneHistory> before = zones;
        Map<Name, ZoneHistory> after = new HashMap<>();
        Map<Name, Long> moved = new java.util.LinkedHashMap<>();
        for (ZoneIndex zone : next.zones()) {
            Name origin = zone.originName();
            ZoneHistory history = before.get(origin);
            SignedZone signed = next.signed(zone);
            if (history != null && history.current().served() == zone && history.current().signedBy() == signed) {
                after.put(origin, history);
                continue;
            }
            try {
                ZoneHistory updated;
                if (!transferable) {
                    updated = ZoneHistory.of(new ZoneVersion(zone, zone, signed, null));
                } else {
                    ZoneVersion version = version(zone, content(next, zone), signed, history);
                    updated = history == null ? ZoneHistory.of(version) : history.next(version, depth);
                }
                after.put(origin, updated);
                if (history != null && updated.current().serial() != history.current().serial()) {
                    moved.put(origin, updated.current().serial());
                }
            } catch (RuntimeException e) {
                log.error("zone {}: cannot make its transfer version; transfers keep the previous one", origin, e);
                if (history != null) {
                    after.put(origin, history);
                }
            }
        }
        zones = Map.copyOf(after);
        toAnnounce = moved;
    }

    @Override
    public void served(ZoneSet current) {
        Map<Name, Long> told = toAnnounce;
        toAnnounce = Map.of();
        told.forEach(serialChanged);
    }

    /** The version to transfer; a signed zone's signatures over unchanged RRsets kept from the last one. */
    private static ZoneVersion version(ZoneIndex zone, ZoneIndex content, SignedZone signed, ZoneHistory history) {
        if (signed == null) {
            return new ZoneVersion(zone, content);
        }
        SignedZone.Transferred previous = history == null ? null : history.current().signed();
        return new ZoneVersion(zone, content, signed, signed.transferred(content, previous));
    }

    /** The zone as transferred: what plugins synthesize in it written out beside its own records. */
    private ZoneIndex content(ZoneSet zones, ZoneIndex zone) {
        List<Record> synthesized = synthesis.records(zones, zone);
        if (synthesized.isEmpty()) {
            return zone;
        }
        return ZoneContent.edited(zone, Map.of(), synthesized);
    }

    /** The zone's history, or null when no such zone is served. */
    ZoneHistory zone(Name origin) {
        return zones.get(origin);
    }
}
