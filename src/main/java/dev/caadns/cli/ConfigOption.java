package dev.caadns.cli;

import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.config.SettingsLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --config FILE}, and the one way every command builds its settings: flags over the file over the defaults. */
final class ConfigOption {

    @Option(names = "--config", paramLabel = "FILE",
            description = "HOCON config file; relative paths in it resolve against its folder.")
    Path file;

    /** @param flags the command's flags, as HOCON paths for the loader */
    Settings load(Map<String, Object> flags) throws ConfigError {
        return SettingsLoader.load(Optional.ofNullable(file), flags);
    }
}
