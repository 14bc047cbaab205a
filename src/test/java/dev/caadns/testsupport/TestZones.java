package dev.caadns.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.xbill.DNS.Name;

/**
 * The zone files of one test-resource folder, by origin. Convention: a file is named after its
 * origin, {@code diff.test.zone} holds {@code diff.test.}.
 */
public final class TestZones {
    private static final String SUFFIX = ".zone";

    private TestZones() {
    }

    /**
     * Writes {@code <origin>zone} into {@code dir}: SOA, NS and the name server's address, then
     * {@code records}; returns it by origin, ready for {@link CaadnsTarget#start(Map)}.
     */
    public static Map<Name, Path> write(Path dir, Name origin, String records) {
        Path file = dir.resolve(origin + "zone");
        try {
            Files.writeString(file, "$ORIGIN " + origin + "\n$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n"
                    + "@ NS ns\nns A 127.0.0.1\n" + records);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of(origin, file);
    }

    /** Zones in the folder, sorted by file name so the first one (used as start probe) is stable. */
    public static Map<Name, Path> inResourceFolder(String folder) {
        Path dir = resourceFolder(folder);
        Map<Name, Path> zones = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted()
                    .forEach(f -> zones.put(originOf(f), f));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("no *" + SUFFIX + " files in " + dir);
        }
        return zones;
    }

    private static Name originOf(Path file) {
        String fileName = file.getFileName().toString();
        return Queries.name(fileName.substring(0, fileName.length() - SUFFIX.length()) + ".");
    }

    private static Path resourceFolder(String folder) {
        URL url = TestZones.class.getClassLoader().getResource(folder);
        if (url == null) {
            throw new IllegalArgumentException("no test resource folder " + folder);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(url.toString(), e);
        }
    }
}
