package dev.caadns.cli;

import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.server.ZonesAndChain;
import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.ZoneLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code caadns check}: load zones with serve's checks and settings, report the findings, serve nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Check zone files and the config without serving them.",
            "Exit 0: clean or warnings only; 2: errors (with --strict, any finding), or bad flags or config."})
final class CheckCommand implements Callable<Integer> {
    /** Same code as a usage error, as nsd-checkzone and kzonecheck exit non-zero either way. */
    static final int FINDINGS_FAIL = 2;

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (default): one compiler-style line per finding and a summary; json: one object.")
    OutputFormat format;

    @Option(names = "--strict", description = "Fail on warnings and on errors waived by allow-invalid too.")
    boolean strict;

    @Parameters(paramLabel = "ZONEFILE|DIR", arity = "0..*",
            description = {"Zone files (any name; origin from $ORIGIN, else the file name less \".zone\")",
                "or folders (their *.zone files). None: the zones the config serves."})
    List<Path> paths = List.of();

    @Override
    public Integer call() {
        Settings settings;
        ZoneLoader loader;
        try {
            settings = config.load(Map.of());
            loader = ZonesAndChain.loader(settings, Plugins.forSettings(settings));
        } catch (ConfigError e) {
            spec.commandLine().getErr().println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        List<LoadedZone> zones;
        try {
            zones = paths.isEmpty() ? ZonesAndChain.source(settings, loader).load() : load(loader, paths);
        } catch (IOException e) {
            spec.commandLine().getErr().println("cannot read zones: " + e);
            return CommandLine.ExitCode.USAGE;
        }
        CheckReport report = CheckReport.of(zones);
        spec.commandLine().getOut().print(format == OutputFormat.JSON ? report.json() : report.text());
        spec.commandLine().getOut().flush();
        return report.fails(strict) ? FINDINGS_FAIL : CommandLine.ExitCode.OK;
    }

    private static List<LoadedZone> load(ZoneLoader loader, List<Path> paths) throws IOException {
        List<LoadedZone> zones = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                zones.addAll(loader.loadDirectory(path));
            } else {
                zones.add(loader.load(path, null));
            }
        }
        return zones;
    }
}
