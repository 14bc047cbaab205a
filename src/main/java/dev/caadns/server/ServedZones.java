package dev.caadns.server;

import dev.caadns.answer.ZoneSet;
import dev.caadns.answer.ZoneSigner;
import dev.caadns.update.UpdateStore;
import dev.caadns.config.OutsideZones;
import dev.caadns.zone.Finding;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.Serial;
import dev.caadns.zone.SerialPolicy;
import dev.caadns.zone.Severity;
import dev.caadns.zone.WireName;
import dev.caadns.zone.ZoneContent;
import dev.caadns.zone.ZoneIndex;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The zones being served and the one place that changes them: loads from files, reloads, and the
 * runtime overlay of RRsets set through the management API. Each change builds new indexes off the
 * query path and publishes them with one volatile write; readers never lock.
 *
 * <p>A reload keeps serving the previous version of a zone whose new version has errors. The overlay
 * survives reloads: it is applied on top of whatever the files say. Overlay names outside every zone
 * land in an implicit lab zone at their top-level domain, so a CA that climbs to the TLD gets
 * NOERROR there, as from pebble-challtestsrv; that zone stays when its records are cleared (a name
 * must not exist one moment and be refused the next) until the whole overlay is forgotten. With
 * {@link OutsideZones#CHALLTESTSRV} one implicit zone at the root holds every name outside the files.
 */
public final class ServedZones implements UpdateStore {
    private static final Logger log = LoggerFactory.getLogger(ServedZones.class);
    /** As challtestsrv's records and made-up SOA: nothing is cached, so a change is seen at once. */
    private static final long LAB_TTL = 0;
    /** Bytes of zone text per record, about, to size the heap for rebuilding a zone of n records. */
    private static final long RECORD_BYTES = 32;

    /** Where zone files come from: a folder or the configured list. */
    public interface Source {
        List<LoadedZone> load() throws IOException;

        /** Bytes of zone text a load reads (0 when unknown): a large load grows the heap in big steps. */
        default long bytes() {
            return 0;
        }

        static Source sized(Source load, LongSupplier bytes) {
            return new Source() {
                @Override
                public List<LoadedZone> load() throws IOException {
                    return load.load();
                }

                @Override
                public long bytes() {
                    return bytes.getAsLong();
                }
            };
        }
    }

    /** What one load or reload did to one zone. */
    public record ZoneStatus(Name origin, String file, boolean served, boolean keptPrevious, long serial,
                             int records, long loadNanos, List<Finding> findings) {
    }

    /**
     * Told of every new version of the zones before queries see it (zone transfers keep their
     * version history this way). Runs under the zones' lock, on the thread that changed them.
     */
    public interface Listener {
        /** @param previous the zones served until now, or null at the first call */
        void published(ZoneSet previous, ZoneSet next);

        /**
         * Told once queries see {@code current}, after {@link #published}: the place for what makes
         * others come and ask, as a NOTIFY does. A secondary NOTIFYed earlier could read the old SOA,
         * count itself up to date and wait for its refresh, hours away.
         */
        default void served(ZoneSet current) {
        }
    }

    /** The load checks of a zone file, over records set at runtime; returns their findings. */
    public interface ZoneCheck {
        List<Finding> check(Name origin, List<Record> records);
    }

    private final Source source;
    private final SerialPolicy serialPolicy;
    private ZoneCheck zoneCheck = (origin, records) -> List.of();
    private final List<Listener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    /** The serial each zone got from its last runtime change, while it is after its file's. */
    private final Map<Name, Long> runtimeSerials = new LinkedHashMap<>();
    /** Each zone's overlay as last published, to see which zones a change touched. */
    private Map<Name, List<String>> publishedOverlay = Map.of();
    private final ZoneSigner signer;
    /** A zone as its file gave it: only the index is kept, not the parsed records. */
    private record FileZone(ZoneIndex index, Path source) {
    }

    private final Map<Name, FileZone> fromFiles = new LinkedHashMap<>();
    /** A file's zone as last published with the overlay in it, made again only when its inputs change. */
    private record Edit(ZoneIndex file, List<String> overlay, Long serialBefore, Long serialAfter, ZoneIndex index) {
    }

    private Map<Name, Edit> edits = Map.of();
    /** True while files load: the caller collects the garbage once the load is done. */
    private boolean loading;
    private final Map<Name, Map<Integer, List<Record>>> overlay = new LinkedHashMap<>();
    /** Implicit lab zones made so far; they outlive the records that made them. */
    private final Set<Name> labZones = new LinkedHashSet<>();
    private volatile ZoneSet current = new ZoneSet(List.of());

    public ServedZones(Source source) {
        this(source, OutsideZones.REFUSED);
    }

    public ServedZones(Source source, OutsideZones outsideZones) {
        this(source, outsideZones, SerialPolicy.INCREMENT);
    }

    /**
     * @param outsideZones CHALLTESTSRV makes an implicit zone at the root, so every name exists
     * @param serialPolicy what a runtime change does to its zone's SOA serial
     */
    public ServedZones(Source source, OutsideZones outsideZones, SerialPolicy serialPolicy) {
        this(source, outsideZones, serialPolicy, ZoneSigner.NONE);
    }

    /** @param signer makes the DNSSEC side of each version published */
    public ServedZones(Source source, OutsideZones outsideZones, SerialPolicy serialPolicy, ZoneSigner signer) {
        this.source = source;
        this.serialPolicy = serialPolicy;
        this.signer = signer;
        if (outsideZones == OutsideZones.CHALLTESTSRV) {
            labZones.add(Name.root);
        }
    }

    /** Runtime changes must pass this check: a change that makes a new error is refused. */
    public synchronized void checkChangesWith(ZoneCheck check) {
        this.zoneCheck = check;
    }

    /** Adds a listener and tells it of the zones served now. */
    public synchronized void listen(Listener listener) {
        listeners.add(listener);
        listener.published(null, current);
        listener.served(current);
    }

    /**
     * Publishes the same zones again, so the signer can refresh signatures that near their expiry.
     * Each signed zone gets its next serial by the serial policy (as Knot's re-signing does), so its
     * secondaries take the new signatures by IXFR before theirs expire.
     */
    public synchronized void republish() {
        java.util.Set<Name> signed = new java.util.LinkedHashSet<>();
        current.zones().stream().filter(z -> current.signed(z) != null).forEach(z -> signed.add(z.originName()));
        publish(signed);
    }

    @Override
    public ZoneSet get() {
        return current;
    }

    /** Loads (or reloads) every zone file; a zone that fails keeps its previous version, if any. */
    public synchronized List<ZoneStatus> load() throws IOException {
        loading = true;
        try (LoadHeap heap = LoadHeap.around(source.bytes(), !fromFiles.isEmpty())) {
            return loadFiles();
        } finally {
            loading = false;
        }
    }

    private List<ZoneStatus> loadFiles() throws IOException {
        List<ZoneStatus> report = new ArrayList<>();
        Map<Name, FileZone> next = new LinkedHashMap<>();
        for (LoadedZone zone : source.load()) {
            FileZone previous = fromFiles.get(zone.origin());
            boolean duplicate = next.containsKey(zone.origin());
            boolean servable = zone.servable() && !duplicate;
            if (servable) {
                FileZone loaded = new FileZone(ZoneIndex.of(zone), zone.source());
                if (previous != null && previous.index().serial() == loaded.index().serial()
                        && ZoneContent.same(previous.index(), loaded.index())) {
                    // the same data again: the version already out stays (for transfers and signing
                    // too), and the new index is garbage at once
                    loaded = new FileZone(previous.index(), zone.source());
                }
                next.put(zone.origin(), loaded);
                report.add(status(zone, serialWarning(zone, previous, loaded)));
            } else if (previous != null && !duplicate) {
                next.put(zone.origin(), previous);
                report.add(keptPrevious(zone, previous));
            } else {
                report.add(status(zone, false, false));
            }
            if (duplicate) {
                log.error("{}: zone {} is already loaded from another file; this one is not served",
                        zone.source(), zone.origin());
            }
        }
        for (Map.Entry<Name, FileZone> gone : fromFiles.entrySet()) {
            if (!next.containsKey(gone.getKey())) {
                report.add(gone(gone.getKey(), gone.getValue(), next));
            }
        }
        fromFiles.clear();
        fromFiles.putAll(next);
        publish();
        return report;
    }

    /**
     * A zone whose content changed while its serial did not go up: served, with a warning, since
     * secondaries and caches go by the serial and will not see the change (Knot warns alike).
     */
    private static List<Finding> serialWarning(LoadedZone zone, FileZone previous, FileZone loaded) {
        if (previous == null || Serial.isAfter(loaded.index().serial(), previous.index().serial())
                || loaded.index() == previous.index()) {
            return List.of();
        }
        String how = loaded.index().serial() == previous.index().serial() ? "still has serial "
                + loaded.index().serial() : "went back from serial " + previous.index().serial() + " to "
                + loaded.index().serial();
        return List.of(new Finding(Severity.WARNING, "Z-SERIAL-UNCHANGED", zone.source().toString(), 0,
                zone.origin().toString(), "zone changed but " + how + ": secondaries and caches go by"
                + " the serial and will not see the change", "raise the SOA serial with every edit"));
    }

    /** A failed reload: the previous version keeps serving, and the report says what that is. */
    private static ZoneStatus keptPrevious(LoadedZone zone, FileZone previous) {
        return new ZoneStatus(zone.origin(), zone.source().toString(), false, true, previous.index().serial(),
                previous.index().recordCount(), zone.loadNanos(), zone.findings());
    }

    /** A zone whose file is no longer there: not served, and what answers for its names now. */
    private ZoneStatus gone(Name origin, FileZone zone, Map<Name, FileZone> next) {
        Name above = origin.labels() <= 1 ? null
                : deepestZone(parent(origin), n -> next.containsKey(n) || labZones.contains(n));
        String now = above == null ? "its names are now outside every zone served (REFUSED)"
                : next.containsKey(above) ? "its names are now answered from zone " + above + " ("
                        + next.get(above).source() + ")"
                : "its names are now answered from the implicit lab zone " + above;
        Finding finding = new Finding(Severity.WARNING, "Z-FILE-GONE", zone.source().toString(), 0,
                origin.toString(), "zone file " + zone.source() + " is gone: " + origin + " is no longer served; "
                + now, "put the file back and reload to serve the zone again");
        return new ZoneStatus(origin, zone.source().toString(), false, false, zone.index().serial(), 0, 0,
                List.of(finding));
    }

    /** Replaces the RRset (owner, type) until it is deleted or replaced again; survives reloads. */
    public synchronized void replace(Name owner, int type, List<Record> records) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("an RRset needs at least one record; delete it instead");
        }
        change(owner, type, List.copyOf(records));
    }

    /** Removes the RRset (owner, type), whether it came from a file or from the overlay. */
    public synchronized void delete(Name owner, int type) {
        change(owner, type, List.of());
    }

    /**
     * Forgets the runtime change to (owner, type), if any: the files' data is served for it again
     * (refused, as any change, when that data would now clash with the overlay).
     */
    public synchronized void revert(Name owner, int type) {
        Map<Integer, List<Record>> typed = overlay.get(owner);
        if (typed == null || !typed.containsKey(type)) {
            return;
        }
        refuseNewErrors(owner, type, fileRRset(owner, type));
        typed.remove(type);
        if (typed.isEmpty()) {
            overlay.remove(owner);
        }
        publish();
    }

    /** The overlay's RRset (owner, type): null when none is set, empty when the RRset was deleted. */
    public synchronized List<Record> overlaid(Name owner, int type) {
        Map<Integer, List<Record>> typed = overlay.get(owner);
        return typed == null ? null : typed.get(type);
    }

    /** The records of (owner, type) as served now, overlay first, then the zone files; empty when none. */
    public synchronized List<Record> served(Name owner, int type) {
        List<Record> set = overlaid(owner, type);
        if (set != null) {
            return set;
        }
        for (Name n = owner; ; n = parent(n)) {
            FileZone zone = fromFiles.get(n);
            if (zone != null) {
                return zone.index().rrset(owner, type);
            }
            if (n.labels() <= 1) {
                return List.of();
            }
        }
    }

    /** One zone as served now, with the file it came from (none for an implicit lab zone). */
    public record ServedZone(Name origin, long serial, int records, Optional<Path> file) {
    }

    /** Every zone served now, files' zones and implicit lab zones alike. */
    public synchronized List<ServedZone> list() {
        List<ServedZone> zones = new ArrayList<>();
        for (ZoneIndex zone : current.zones()) {
            Name origin = WireName.toName(zone.origin());
            FileZone file = fromFiles.get(origin);
            zones.add(new ServedZone(origin, zone.serial(), zone.recordCount(),
                    Optional.ofNullable(file).map(FileZone::source)));
        }
        return zones;
    }

    /** Forgets every runtime change and the implicit lab zones made for them; the files' data is served again. */
    public synchronized void clearOverlay() {
        overlay.clear();
        labZones.retainAll(Set.of(Name.root));
        publish();
    }

    private void change(Name owner, int type, List<Record> records) {
        replaceAll(Map.of(owner, Map.of(type, records)));
    }

    @Override
    public synchronized <T> T exclusively(Supplier<T> work) {
        return work.get();
    }

    /** Also refuses, with IllegalArgumentException, a change that adds a zone-file error around it. */
    @Override
    public synchronized void replaceAll(Map<Name, Map<Integer, List<Record>>> rrsets) {
        rrsets.forEach((owner, typed) -> typed.forEach((type, records) -> refuseNewErrors(owner, type, records)));
        Map<Name, Map<Integer, List<Record>>> before = new LinkedHashMap<>();
        rrsets.keySet().forEach(owner -> before.put(owner, overlay.get(owner) == null ? null
                : new LinkedHashMap<>(overlay.get(owner))));
        Set<Name> labZonesBefore = new LinkedHashSet<>(labZones);
        rrsets.forEach((owner, typed) -> typed.forEach((type, records) ->
                overlay.computeIfAbsent(owner, o -> new LinkedHashMap<>()).put(type, List.copyOf(records))));
        try {
            publish();
        } catch (RuntimeException e) {
            labZones.retainAll(labZonesBefore);
            before.forEach((owner, typed) -> {
                if (typed == null) {
                    overlay.remove(owner);
                } else {
                    overlay.put(owner, typed);
                }
            });
            throw e;
        }
    }

    /**
     * Runs the zone checks over the owner's surroundings (its ancestors, its node, its descendants:
     * all a CNAME, DNAME or delegation rule can involve) before and after the change, and refuses
     * the change with the errors it would add. Errors already there (waived or not) do not count.
     */
    private void refuseNewErrors(Name owner, int type, List<Record> records) {
        byte[] wire = WireName.lower(owner);
        ZoneIndex zone = current.find(wire, 0, wire.length);
        Name origin = zone == null ? topLevel(owner) : WireName.toName(zone.origin());
        List<Record> before = zone == null ? labZoneApex(origin) : ZoneContent.around(zone, owner);
        List<Record> after = new ArrayList<>(before);
        after.removeIf(r -> r.getType() == type && r.getName().equals(owner));
        after.addAll(records);
        Set<String> known = new HashSet<>();
        zoneCheck.check(origin, before).stream().filter(Finding::blocksServing).forEach(f -> known.add(errorKey(f)));
        List<String> added = zoneCheck.check(origin, after).stream().filter(Finding::blocksServing)
                .filter(f -> !known.contains(errorKey(f))).map(Finding::format).toList();
        if (!added.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", added));
        }
    }

    /** What the zone files hold for (owner, type): what a revert serves again. */
    private List<Record> fileRRset(Name owner, int type) {
        Name origin = deepestZone(owner, fromFiles::containsKey);
        return origin == null ? List.of() : fromFiles.get(origin).index().rrset(owner, type);
    }

    private static String errorKey(Finding f) {
        return f.code() + " " + f.owner() + " " + f.message();
    }

    /**
     * Publishes the files' indexes as they are, and rebuilds only the zones the overlay changes (and
     * the implicit lab zones), so a change to a small zone never re-indexes a large one. A zone whose
     * overlay differs from the last publish gets its next serial by the serial policy.
     */
    private void publish() {
        publish(java.util.Set.of());
    }

    /** @param resigned zones to give their next serial although their data did not change */
    private void publish(java.util.Set<Name> resigned) {
        Map<Name, List<Map.Entry<Name, Map<Integer, List<Record>>>>> changesByZone = new LinkedHashMap<>();
        for (var owner : overlay.entrySet()) {
            Name origin = deepestZone(owner.getKey(), n -> fromFiles.containsKey(n) || labZones.contains(n));
            if (origin == null) {
                origin = topLevel(owner.getKey());
                labZones.add(origin);
            }
            changesByZone.computeIfAbsent(origin, o -> new ArrayList<>()).add(owner);
        }
        Map<Name, List<String>> overlayNow = overlayText(changesByZone);
        Map<Name, Long> serials = nextSerials(overlayNow, resigned);
        List<ZoneIndex> indexes = new ArrayList<>();
        List<ZoneIndex> implicitIndexes = new ArrayList<>();
        Map<Name, Edit> editsNow = new LinkedHashMap<>();
        long rebuilt = 0;
        for (var file : fromFiles.entrySet()) {
            Name origin = file.getKey();
            Edit last = edits.get(origin);
            if (last != null && last.file() == file.getValue().index() && last.overlay().equals(overlayNow.getOrDefault(origin, List.of()))
                    && Objects.equals(last.serialBefore(), serials.get(origin))) {
                editsNow.put(origin, last);
            } else if (changesByZone.containsKey(origin) || serials.containsKey(origin)) {
                rebuilt += file.getValue().index().recordCount();
            }
        }
        // A large zone rebuilt: its new index and the builder's arrays grow the heap as a load does.
        boolean large = LoadHeap.isLarge(rebuilt * RECORD_BYTES);
        try (LoadHeap heap = LoadHeap.around(rebuilt * RECORD_BYTES, true)) {
            fromFiles.forEach((origin, file) -> indexes.add(editsNow.containsKey(origin)
                    ? reuse(editsNow.get(origin), origin, serials)
                    : changesByZone.containsKey(origin) || serials.containsKey(origin)
                    ? edit(file.index(), origin, serials, changesByZone.getOrDefault(origin, List.of()),
                            overlayNow.getOrDefault(origin, List.of()), editsNow)
                    : file.index()));
        }
        edits = editsNow;
        for (Name origin : labZones) {
            if (fromFiles.containsKey(origin)) {
                continue; // a zone file for it was loaded since: the file's zone is served
            }
            ZoneIndex index = edited(ZoneIndex.of(origin, labZoneApex(origin)), origin, serials,
                    changesByZone.getOrDefault(origin, List.of()));
            indexes.add(index);
            implicitIndexes.add(index);
        }
        // implicit lab zones stay unsigned: every name exists in them, which no NSEC chain could say
        List<ZoneIndex> fromFileIndexes = indexes.stream().filter(i -> !implicitIndexes.contains(i)).toList();
        ZoneSet next = new ZoneSet(indexes, implicitIndexes, signer.sign(fromFileIndexes, current));
        ZoneSet previous = current;
        tellListeners(listener -> listener.published(previous, next));
        publishedOverlay = overlayNow;
        runtimeSerials.clear();
        runtimeSerials.putAll(serials);
        current = next;
        tellListeners(listener -> listener.served(next));
        if (large && !loading) {
            System.gc(); // the previous version and the builder's garbage go, and the heap shrinks back
        }
    }

    private void tellListeners(Consumer<Listener> call) {
        for (Listener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                log.error("a zone listener failed; the zones are served anyway", e);
            }
        }
    }

    /** A zone edited as at the last publish: the same index, and the runtime serial kept or dropped alike. */
    private static ZoneIndex reuse(Edit edit, Name origin, Map<Name, Long> serials) {
        if (edit.serialAfter() == null) {
            serials.remove(origin);
        }
        return edit.index();
    }

    private static ZoneIndex edit(ZoneIndex file, Name origin, Map<Name, Long> serials,
                                  List<Map.Entry<Name, Map<Integer, List<Record>>>> changes, List<String> overlay,
                                  Map<Name, Edit> edits) {
        Long serialBefore = serials.get(origin);
        ZoneIndex index = edited(file, origin, serials, changes);
        edits.put(origin, new Edit(file, overlay, serialBefore, serials.get(origin), index));
        return index;
    }

    /** Each zone's overlay RRsets as text (TTL included), to compare one publish with the last. */
    private static Map<Name, List<String>> overlayText(
            Map<Name, List<Map.Entry<Name, Map<Integer, List<Record>>>>> changesByZone) {
        Map<Name, List<String>> text = new LinkedHashMap<>();
        changesByZone.forEach((origin, owners) -> {
            List<String> lines = new ArrayList<>();
            owners.forEach(o -> o.getValue().forEach((type, records) -> {
                lines.add(o.getKey() + "/" + type);
                records.forEach(r -> lines.add(r.toString()));
            }));
            text.put(origin, lines);
        });
        return text;
    }

    /** The runtime serials with every zone whose overlay changed since the last publish given its next one. */
    private Map<Name, Long> nextSerials(Map<Name, List<String>> overlayNow, java.util.Set<Name> resigned) {
        Map<Name, Long> serials = new LinkedHashMap<>(runtimeSerials);
        if (serialPolicy == SerialPolicy.KEEP) {
            return serials;
        }
        java.util.Set<Name> touched = new java.util.LinkedHashSet<>(resigned);
        overlayNow.forEach((origin, text) -> {
            if (!text.equals(publishedOverlay.get(origin))) {
                touched.add(origin);
            }
        });
        publishedOverlay.keySet().stream().filter(o -> !overlayNow.containsKey(o)).forEach(touched::add);
        long now = System.currentTimeMillis() / 1000;
        for (Name origin : touched) {
            byte[] wire = WireName.lower(origin);
            ZoneIndex served = current.find(wire, 0, wire.length);
            if (served != null && served.origin().length == wire.length) {
                serials.put(origin, serialPolicy.next(served.serial(), now));
            }
        }
        return serials;
    }

    /** The records with the zone's runtime serial in its SOA, unless the SOA's own serial is after it. */
    private static List<Record> withSerial(Map<Name, Long> serials, Name origin, List<Record> records) {
        Long runtime = serials.get(origin);
        if (runtime == null) {
            return records;
        }
        for (int i = 0; i < records.size(); i++) {
            if (records.get(i) instanceof SOARecord soa && soa.getName().equals(origin)) {
                if (!Serial.isAfter(runtime, soa.getSerial())) {
                    serials.remove(origin); // the file (or an SOA set at runtime) took over
                    return records;
                }
                records.set(i, new SOARecord(origin, soa.getDClass(), soa.getTTL(), soa.getHost(), soa.getAdmin(),
                        runtime, soa.getRefresh(), soa.getRetry(), soa.getExpire(), soa.getMinimum()));
            }
        }
        return records;
    }

    /**
     * A file's zone with the overlay's RRsets in place of its own (none where deleted) and the
     * runtime serial in its SOA, built from the file's index: no dnsjava record of the other RRsets.
     */
    private static ZoneIndex edited(ZoneIndex file, Name origin, Map<Name, Long> serials,
                                    List<Map.Entry<Name, Map<Integer, List<Record>>>> changes) {
        Map<Name, Set<Integer>> replaced = new LinkedHashMap<>();
        List<Record> added = new ArrayList<>();
        for (var owner : changes) {
            replaced.computeIfAbsent(owner.getKey(), o -> new HashSet<>()).addAll(owner.getValue().keySet());
            owner.getValue().values().forEach(added::addAll);
        }
        if (serials.containsKey(origin) && !replaced.getOrDefault(origin, Set.of()).contains(Type.SOA)) {
            // the file's SOA (owner as written), to take the runtime serial
            added.addAll(file.rrset(WireName.toName(file.apex().owner()), Type.SOA));
            replaced.computeIfAbsent(origin, o -> new HashSet<>()).add(Type.SOA);
        }
        return ZoneContent.edited(file, replaced, withSerial(serials, origin, added));
    }

    private static Name deepestZone(Name name, Predicate<Name> isZone) {
        for (Name n = name; n.labels() > 0; n = parent(n)) {
            if (isZone.test(n)) {
                return n;
            }
            if (n.labels() == 1) {
                break;
            }
        }
        return null;
    }

    private static Name parent(Name name) {
        return new Name(name, 1);
    }

    private static Name topLevel(Name name) {
        return name.labels() <= 1 ? Name.root : new Name(name, name.labels() - 2);
    }

    /** A made-up SOA and NS, under the reserved {@code .invalid} (RFC 6761) so they name no real host. */
    private static List<Record> labZoneApex(Name origin) {
        try {
            Name ns = Name.fromString("ns.caadns.invalid.");
            Name mailbox = Name.fromString("hostmaster.caadns.invalid.");
            List<Record> records = new ArrayList<>();
            records.add(new SOARecord(origin, DClass.IN, LAB_TTL, ns, mailbox, 1, 3600, 600, 86400, LAB_TTL));
            records.add(new NSRecord(origin, DClass.IN, LAB_TTL, ns));
            return records;
        } catch (org.xbill.DNS.TextParseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ZoneStatus status(LoadedZone zone, boolean served, boolean keptPrevious) {
        return new ZoneStatus(zone.origin(), zone.source().toString(), served, keptPrevious, zone.serial(),
                zone.recordCount(), zone.loadNanos(), zone.findings());
    }

    /** A zone served from this load, with findings about the load itself added to the zone's. */
    private static ZoneStatus status(LoadedZone zone, List<Finding> more) {
        List<Finding> findings = new ArrayList<>(zone.findings());
        findings.addAll(more);
        return new ZoneStatus(zone.origin(), zone.source().toString(), true, false, zone.serial(),
                zone.recordCount(), zone.loadNanos(), findings);
    }

    /** Logs a load report the way an operator reads it: one line per zone, then its findings. */
    public static void log(List<ZoneStatus> report) {
        for (ZoneStatus z : report) {
            for (Finding f : z.findings()) {
                if (f.blocksServing()) {
                    log.error(f.format());
                } else {
                    log.warn(f.format());
                }
            }
            long millis = TimeUnit.NANOSECONDS.toMillis(z.loadNanos());
            if (z.served()) {
                log.info("zone {} loaded from {}: serial {}, {} records, {} ms", z.origin(), z.file(),
                        z.serial(), z.records(), millis);
            } else if (z.keptPrevious()) {
                log.error("zone {} from {} has errors; still serving its previous version (serial {}, {} records)",
                        z.origin(), z.file(), z.serial(), z.records());
            } else if (z.findings().stream().noneMatch(Finding::blocksServing)) {
                log.warn("zone {} from {} is no longer served", z.origin(), z.file());
            } else {
                log.error("zone {} from {} has errors; not served", z.origin(), z.file());
            }
        }
    }
}
