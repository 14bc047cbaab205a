package dev.caadns.dnssec;

import dev.caadns.answer.SignedZone;
import dev.caadns.answer.ZoneSet;
import dev.caadns.answer.ZoneSigner;
import dev.caadns.answer.ZoneSynthesis;
import dev.caadns.zone.RRset;
import dev.caadns.zone.ZoneIndex;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DSRecord;
import org.xbill.DNS.Name;

/**
 * Online signing for the zones caadns serves ({@code dnssec.*}): each time the zones are published
 * it signs the signed ones, keeping the signatures of RRsets that did not change, and makes each
 * parent it serves publish its signed children's DS records (the chain of trust inside caadns).
 */
public final class Signing implements ZoneSigner {
    private final DnssecSettings settings;
    private final KeyRing keys;
    private final ZoneSynthesis synthesis;
    private final Clock clock;
    private volatile Instant nextRefresh = Instant.MAX;

    public Signing(DnssecSettings settings, ZoneSynthesis synthesis, Clock clock) {
        this.settings = settings;
        this.keys = new KeyRing(new KeyFiles(settings.keyDirectory()), settings.algorithm(), settings.splitKeys());
        this.synthesis = synthesis;
        this.clock = clock;
    }

    public DnssecSettings settings() {
        return settings;
    }

    @Override
    public Map<ZoneIndex, SignedZone> sign(List<ZoneIndex> zones, ZoneSet previous) {
        Map<Name, ZoneIndex> signed = new LinkedHashMap<>();
        for (ZoneIndex zone : zones) {
            Name origin = zone.originName();
            if (settings.signs(origin)) {
                signed.put(origin, zone);
            }
        }
        Map<Name, Map<ByteBuffer, RRset>> childDs = childDs(zones, signed);
        Instant now = clock.instant();
        Map<ZoneIndex, SignedZone> out = new IdentityHashMap<>();
        long earliest = Long.MAX_VALUE;
        for (Map.Entry<Name, ZoneIndex> e : signed.entrySet()) {
            ZoneIndex zone = e.getValue();
            Map<ByteBuffer, RRset> ds = childDs.getOrDefault(e.getKey(), Map.of());
            ZoneSignatures before = previousOf(previous, zone);
            ZoneSignatures made = before != null && before.reusableFor(zone, ds, now) ? before
                    : ZoneSignatures.sign(zone, keys.of(e.getKey()), settings.policy(), clock, synthesis, ds, before,
                            settings.nsec3For(e.getKey()));
            out.put(zone, made);
            earliest = Math.min(earliest, made.earliestExpiration());
        }
        nextRefresh = earliest == Long.MAX_VALUE ? Instant.MAX
                : Instant.ofEpochSecond(earliest).minus(settings.refresh());
        return out;
    }

    /** When the first signature comes due for remaking: publish again then. */
    public Instant nextRefresh() {
        return nextRefresh;
    }

    private static ZoneSignatures previousOf(ZoneSet previous, ZoneIndex zone) {
        byte[] origin = zone.origin();
        ZoneIndex before = previous.find(origin, 0, origin.length);
        if (before == null || !java.util.Arrays.equals(before.origin(), origin)) {
            return null;
        }
        return previous.signed(before) instanceof ZoneSignatures z ? z : null;
    }

    /** For each signed parent, the DS RRsets of its signed children among the zones. */
    private Map<Name, Map<ByteBuffer, RRset>> childDs(List<ZoneIndex> zones, Map<Name, ZoneIndex> signed) {
        ZoneSet all = new ZoneSet(zones);
        Map<Name, Map<ByteBuffer, RRset>> byParent = new HashMap<>();
        for (Map.Entry<Name, ZoneIndex> child : signed.entrySet()) {
            ZoneIndex parent = all.parentOf(child.getValue());
            if (parent == null || !signed.containsKey(parent.originName())) {
                continue;
            }
            ZoneKeys childKeys = keys.of(child.getKey());
            byte[][] rdata = childKeys.sep().stream().map(ZoneKey::dsRdata).toArray(byte[][]::new);
            long ttl = child.getValue().apex().get(ZoneSignatures.SOA).ttl();
            byte[] name = child.getValue().origin();
            byParent.computeIfAbsent(parent.originName(), p -> new HashMap<>())
                    .put(ByteBuffer.wrap(name), new RRset(name, ZoneSignatures.DS, ttl, rdata));
        }
        return byParent;
    }

    /**
     * One zone among these signed as a secondary gets it by AXFR, written out as a master file: what
     * templates synthesize written out as records, a zone denied online with an NSEC chain over the
     * names written out. Null when it is not signed.
     */
    public String signedText(List<ZoneIndex> zones, Name origin) {
        Map<ZoneIndex, SignedZone> signed = sign(zones, new ZoneSet(List.of()));
        for (Map.Entry<ZoneIndex, SignedZone> e : signed.entrySet()) {
            ZoneIndex zone = e.getKey();
            if (zone.originName().equals(origin)) {
                List<org.xbill.DNS.Record> synthesized = synthesis.records(new ZoneSet(zones), zone);
                List<org.xbill.DNS.Record> records = new ArrayList<>(synthesized.isEmpty() ? List.of() : zone.records());
                records.addAll(synthesized);
                ZoneIndex content = synthesized.isEmpty() ? zone : ZoneIndex.of(origin, records);
                return SignedZoneText.of(((ZoneSignatures) e.getValue()).forTransfer(content, null));
            }
        }
        return null;
    }

    /**
     * The trust anchors a validating resolver needs for these zones: the DS records of each signed
     * zone whose parent is not a signed zone among them.
     */
    public List<DSRecord> anchors(List<ZoneIndex> zones) {
        ZoneSet all = new ZoneSet(zones);
        List<DSRecord> anchors = new ArrayList<>();
        for (ZoneIndex zone : zones) {
            Name origin = zone.originName();
            if (!settings.signs(origin)) {
                continue;
            }
            ZoneKeys zoneKeys = keys.of(origin); // made now if new, so serve signs with these
            ZoneIndex parent = all.parentOf(zone);
            if (parent != null && settings.signs(parent.originName())) {
                continue;
            }
            long ttl = zone.apex().get(ZoneSignatures.SOA).ttl();
            for (ZoneKey key : zoneKeys.sep()) {
                byte[] ds = key.dsRdata();
                anchors.add(new DSRecord(origin, DClass.IN, ttl, key.keyTag(), key.algorithm().number(),
                        DSRecord.Digest.SHA256, java.util.Arrays.copyOfRange(ds, 4, ds.length)));
            }
        }
        return anchors;
    }
}
