package dev.caadns.zone;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Loads zone files and runs the checks NSD and Knot run at load time, then the plugin validators.
 * A zone's problems end up as findings in its {@link LoadedZone}; loading never fails because of
 * what a file says, so one bad zone does not stop the others.
 */
public final class ZoneLoader {

    private static final String SUFFIX = ".zone";

    private final LoadOptions options;
    private final List<ZoneValidator> validators;

    public ZoneLoader(LoadOptions options, List<ZoneValidator> validators) {
        this.options = options;
        this.validators = List.copyOf(validators);
    }

    /**
     * @param originOrNull the apex; null takes the {@code $ORIGIN} set before the first record,
     *     else the file name without ".zone"
     */
    public LoadedZone load(Path file, Name originOrNull) {
        long start = System.nanoTime();
        String source = file.toString();
        Name fallback;
        try {
            fallback = originOrNull != null ? originOrNull : fileNameOrigin(file);
        } catch (TextParseException e) {
            return unreadable(file, Name.root, "file name does not make a domain name: "
                    + e.getMessage(), "rename the file to <origin>.zone or give the origin in the"
                    + " config", start);
        }
        MasterFileParser.Result parsed;
        try {
            parsed = MasterFileParser.parse(file, originOrNull, fallback, options);
        } catch (IOException e) {
            return unreadable(file, fallback, unreadableFile(file, e), "check the path and its permissions",
                    start);
        }
        Name origin = parsed.origin();
        List<Finding> findings = new ArrayList<>(parsed.findings());
        RecordStore records = parsed.store();
        for (LoadCheck check : checks(source)) {
            check.apply(origin, records, findings);
        }
        ReadOrder order = parsed.order();
        findings.sort(Comparator.comparingLong(f -> order.rank(f.file(), f.line())));
        LoadedZone zone = new LoadedZone(origin, file, records, findings, 0);
        for (ZoneValidator validator : validators) {
            zone = zone.withFindings(validator.validate(zone));
        }
        return zone.withLoadNanos(System.nanoTime() - start);
    }

    /**
     * The findings the load checks and the validators make of records set at runtime (the API, an
     * UPDATE), as they would of the same records in a zone file; {@code source} names them.
     */
    public List<Finding> check(Name origin, List<org.xbill.DNS.Record> records, String source) {
        RecordStore store = new RecordStore();
        for (org.xbill.DNS.Record r : records) {
            store.add(r, source, 0, "");
        }
        List<Finding> findings = new ArrayList<>();
        for (LoadCheck check : checks(source)) {
            check.apply(origin, store, findings);
        }
        LoadedZone zone = new LoadedZone(origin, Path.of(source), store, findings, 0);
        for (ZoneValidator validator : validators) {
            zone = zone.withFindings(validator.validate(zone));
        }
        return zone.findings();
    }

    /** Every {@code *.zone} file in {@code dir}, sorted by name, each with its file-name origin. */
    public List<LoadedZone> loadDirectory(Path dir) throws IOException {
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        List<LoadedZone> zones = new ArrayList<>();
        for (Path file : files) {
            zones.add(load(file, null));
        }
        return zones;
    }

    static List<LoadCheck> checks(String source) {
        return List.of(new ClassCheck(), new MetaTypeCheck(), new OutOfZoneCheck(), new RrsetNormalizer(),
                new ApexCheck(source), new AliasCheck(), new OcclusionCheck(),
                new NsAddressCheck());
    }

    /** Why a file cannot be read, in the user's words rather than the exception's class name. */
    static String unreadableFile(Path file, IOException e) {
        Path folder = file.toAbsolutePath().getParent();
        if (e instanceof NoSuchFileException) {
            return "no such file: " + file + " (looked in " + folder + ")";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied: " + file + " (in " + folder + ")";
        }
        if (Files.isDirectory(file)) {
            return file + " is a folder, not a zone file";
        }
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return "cannot read " + file + ": " + reason;
    }

    static Name fileNameOrigin(Path file) throws TextParseException {
        String name = file.getFileName().toString();
        if (name.endsWith(SUFFIX)) {
            name = name.substring(0, name.length() - SUFFIX.length());
        }
        return Name.fromString(name, Name.root);
    }

    private static LoadedZone unreadable(Path file, Name origin, String message, String hint,
                                         long start) {
        Finding finding = Findings.error("Z-FILE", file.toString(), 0, origin, message, hint);
        return new LoadedZone(origin, file, new RecordStore(), List.of(finding),
                System.nanoTime() - start);
    }
}
