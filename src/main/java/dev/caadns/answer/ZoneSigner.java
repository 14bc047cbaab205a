package dev.caadns.answer;

import dev.caadns.zone.ZoneIndex;
import java.util.List;
import java.util.Map;

/**
 * Makes the signed side of the zones about to be published (the dnssec module). Called off the query
 * path each time the zones change, and on a timer to refresh signatures; may reuse what it made for
 * the previous version.
 */
public interface ZoneSigner {
    ZoneSigner NONE = (zones, previous) -> Map.of();

    /** @return the signed zones among these, by index; zones left out are served unsigned */
    Map<ZoneIndex, SignedZone> sign(List<ZoneIndex> zones, ZoneSet previous);
}
