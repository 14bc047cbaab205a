package dev.caadns.server;

import dev.caadns.answer.QueryHandler;
import dev.caadns.answer.ZoneAnswerer;
import dev.caadns.answer.ZoneSigner;
import dev.caadns.answer.ZoneSynthesis;
import dev.caadns.config.OutsideZones;
import dev.caadns.config.Settings;
import dev.caadns.config.ZoneFile;
import dev.caadns.zone.LoadOptions;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.ZoneLoader;
import dev.caadns.zone.ZoneValidator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Everything a server is but its sockets: the configured zones loaded and checked by the plugins'
 * validators, and the handler chain over them. {@code serve} binds sockets to it; {@code explain}
 * asks it questions in-process.
 */
public final class ZonesAndChain {
    /** Where findings about a runtime change say it came from. */
    private static final String RUNTIME_SOURCE = "runtime-change";
    private final ServedZones zones;
    private final QueryHandler chain;
    private final ZoneSynthesis synthesis;

    private ZonesAndChain(ServedZones zones, QueryHandler chain, ZoneSynthesis synthesis) {
        this.zones = zones;
        this.chain = chain;
        this.synthesis = synthesis;
    }

    /**
     * Loads the zones as configured, logs what each load found and tells the plugins; fails when no
     * zone can be served.
     */
    public static ZonesAndChain assemble(Settings settings, List<Plugin> plugins)
            throws CaadnsServer.StartupException {
        ZoneLoader loader = loader(settings, plugins);
        ServedZones zones = new ServedZones(source(settings, loader), settings.outsideZones(),
                settings.serialPolicy(), signer(plugins));
        zones.checkChangesWith((origin, records) -> loader.check(origin, records, RUNTIME_SOURCE));
        List<ServedZones.ZoneStatus> report;
        try {
            report = zones.load();
        } catch (IOException e) {
            throw new CaadnsServer.StartupException("cannot read zones: " + e.getMessage(), e);
        }
        ServedZones.log(report);
        // challtestsrv's way answers every name, so it may run without zone files; not with broken ones.
        boolean answersWithoutFiles = report.isEmpty() && settings.outsideZones() == OutsideZones.CHALLTESTSRV;
        if (!answersWithoutFiles && report.stream().noneMatch(ServedZones.ZoneStatus::served)) {
            throw new CaadnsServer.StartupException("no zone could be loaded from "
                    + (settings.zoneFiles().isEmpty() ? settings.zonesDirectory() : "zones.files"), null);
        }
        ZoneSynthesis synthesis = synthesis(plugins);
        QueryHandler chain = new ZoneAnswerer(zones, synthesis);
        for (int i = plugins.size() - 1; i >= 0; i--) {
            chain = plugins.get(i).handler(chain, zones);
        }
        plugins.forEach(p -> p.loaded(report));
        return new ZonesAndChain(zones, chain, synthesis);
    }

    private static ZoneSynthesis synthesis(List<Plugin> plugins) {
        List<ZoneSynthesis> all = plugins.stream().map(Plugin::synthesis).filter(s -> s != ZoneSynthesis.NONE).toList();
        if (all.size() > 1) {
            throw new IllegalStateException("more than one plugin synthesizes zone data");
        }
        return all.isEmpty() ? ZoneSynthesis.NONE : all.get(0);
    }

    private static ZoneSigner signer(List<Plugin> plugins) {
        List<ZoneSigner> all = plugins.stream().map(Plugin::signer).filter(s -> s != ZoneSigner.NONE).toList();
        if (all.size() > 1) {
            throw new IllegalStateException("more than one plugin signs zones");
        }
        return all.isEmpty() ? ZoneSigner.NONE : all.get(0);
    }

    /** The loader serve uses: the configured limits and every plugin's validators. */
    public static ZoneLoader loader(Settings settings, List<Plugin> plugins) {
        List<ZoneValidator> validators = new ArrayList<>();
        plugins.forEach(p -> validators.addAll(p.validators()));
        return new ZoneLoader(new LoadOptions(settings.includeDepth(), settings.generateMaxRange(),
                settings.includeFiles(), settings.zoneMaxBytes(), settings.generateMaxNames(), settings.zoneMaxRecords(),
                settings.zoneLoadTimeout()), validators);
    }

    /** The zones the settings name: {@code zones.files} when given, else the {@code zones.directory} folder. */
    public static ServedZones.Source source(Settings settings, ZoneLoader loader) {
        if (!settings.hasZoneFiles()) {
            return List::of;
        }
        if (settings.zoneFiles().isEmpty()) {
            Path dir = settings.zonesDirectory();
            return ServedZones.Source.sized(() -> loader.loadDirectory(dir), () -> zoneFileBytes(dir));
        }
        return ServedZones.Source.sized(() -> {
            List<LoadedZone> loaded = new ArrayList<>();
            for (ZoneFile file : settings.zoneFiles()) {
                loaded.add(loader.load(file.file(), file.originOrNull()));
            }
            return loaded;
        }, () -> settings.zoneFiles().stream().mapToLong(f -> size(f.file())).sum());
    }

    /** What the {@code *.zone} files in the folder hold, to size the heap for loading them; 0 when unreadable. */
    private static long zoneFileBytes(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".zone")).mapToLong(ZonesAndChain::size).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0; // the load itself says what is wrong with the folder
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    public ServedZones zones() {
        return zones;
    }

    /** What the plugins add to the zones at query time (for zone transfers, which write it out). */
    public ZoneSynthesis synthesis() {
        return synthesis;
    }

    /** The handler chain, for in-process lookups ({@link dev.caadns.answer.LocalLookup}). */
    public QueryHandler chain() {
        return chain;
    }
}
