package dev.caadns.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** {@code --zones DIR}: the zone folder, for commands that load the zones as {@code serve} does. */
final class ZonesOption {

    @Option(names = "--zones", paramLabel = "DIR",
            description = "Use the zone files in DIR (sets zones.directory and clears zones.files).")
    Path directory;

    void addTo(Map<String, Object> flags) {
        if (directory != null) {
            flags.put("zones.directory", directory.toString());
            flags.put("zones.files", List.of());
        }
    }
}
