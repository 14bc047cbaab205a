package dev.caadns.answer;

import dev.caadns.zone.NameTable;
import dev.caadns.zone.WireName;
import dev.caadns.zone.ZoneIndex;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The zones being served, found by longest match of the query name. Immutable; replaced whole on reload. */
public final class ZoneSet {
    private final NameTable<ZoneIndex> byOrigin;
    /** Bit n is set when some origin is n bytes long: find hashes only the suffixes that could be one. */
    private final long[] originLengths = new long[4];
    private final List<ZoneIndex> zones;
    private final Set<ZoneIndex> implicit;
    private final Map<ZoneIndex, SignedZone> signed;

    public ZoneSet(List<ZoneIndex> zones) {
        this(zones, List.of());
    }

    /** @param implicit the zones among {@code zones} made up for runtime records outside every zone file */
    public ZoneSet(List<ZoneIndex> zones, List<ZoneIndex> implicit) {
        this(zones, implicit, Map.of());
    }

    /** @param signed the DNSSEC side of the zones that are signed */
    public ZoneSet(List<ZoneIndex> zones, List<ZoneIndex> implicit, Map<ZoneIndex, SignedZone> signed) {
        NameTable.Builder<ZoneIndex> builder = new NameTable.Builder<>();
        for (ZoneIndex z : zones) {
            builder.put(z.origin(), z);
            originLengths[z.origin().length >>> 6] |= 1L << z.origin().length;
        }
        this.byOrigin = builder.build();
        this.zones = List.copyOf(zones);
        this.implicit = Collections.newSetFromMap(new IdentityHashMap<>());
        this.implicit.addAll(implicit);
        this.signed = signed.isEmpty() ? Map.of() : new IdentityHashMap<>(signed);
    }

    private boolean someOriginIsLong(int length) {
        return length <= WireName.MAX_LENGTH && (originLengths[length >>> 6] & 1L << length) != 0;
    }

    /** The zone's DNSSEC side, or null when it is served unsigned. */
    public SignedZone signed(ZoneIndex zone) {
        return signed.isEmpty() ? null : signed.get(zone);
    }

    /** True for an implicit lab zone: one no zone file defines, made up for runtime records. */
    public boolean isImplicit(ZoneIndex zone) {
        return implicit.contains(zone);
    }

    public List<ZoneIndex> zones() {
        return zones;
    }

    /** The deepest zone holding the name at buf[off, off+len), or null. */
    public ZoneIndex find(byte[] buf, int off, int len) {
        int end = off + len;
        for (int p = off; p < end; p += (buf[p] & 0xff) + 1) {
            ZoneIndex zone = someOriginIsLong(end - p) ? byOrigin.get(buf, p, end - p) : null;
            if (zone != null) {
                return zone;
            }
            if (buf[p] == 0) {
                break;
            }
        }
        return null;
    }

    /** The zone above a zone's apex, for DS queries answered from the parent side; null if not served. */
    public ZoneIndex parentOf(ZoneIndex zone) {
        byte[] origin = zone.origin();
        if (origin.length == 1) {
            return null;
        }
        int parent = (origin[0] & 0xff) + 1;
        return find(origin, parent, origin.length - parent);
    }
}
