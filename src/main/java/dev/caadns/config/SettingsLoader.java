package dev.caadns.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds {@link Settings} from our reference.conf, an optional user file and command-line flags. */
public final class SettingsLoader {

    private static final String REFERENCE = "reference.conf";
    private static final String FLAGS = "command line";

    private SettingsLoader() {
    }

    /**
     * @param userFile the user's config file, overriding the defaults
     * @param flags overrides from the CLI, as HOCON paths to values ({@code "workers" -> 2},
     *              {@code "listen" -> List.of("127.0.0.1:0")}), applied on top of the file
     * @throws ConfigError naming the key, the file and line, and what was expected
     */
    public static Settings load(Optional<Path> userFile, Map<String, Object> flags) throws ConfigError {
        try {
            Config reference = reference();
            Config user = userFile.isPresent() ? parseUserFile(userFile.get()) : ConfigFactory.empty();
            Config cli = ConfigFactory.parseMap(flags, FLAGS);

            failIfAny(KeyCheck.problems(reference.root(), resolvedAlone(user).root()));
            failIfAny(KeyCheck.problems(reference.root(), cli.root()));
            Config merged = cli.withFallback(user).withFallback(reference).resolve();
            Settings settings = new Settings(new TypedConfig(merged), userFile);
            failIfAny(typeProblems(merged, reference)); // keys plugins read themselves from config()
            return settings;
        } catch (ConfigException e) {
            throw ConfigError.from(e);
        }
    }

    /** Only our own defaults: other jars' reference.conf files are not caadns settings. */
    private static Config reference() {
        try (InputStream in = SettingsLoader.class.getResourceAsStream("/" + REFERENCE);
             Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return ConfigFactory.parseReader(reader, ConfigParseOptions.defaults()
                    .setSyntax(ConfigSyntax.CONF).setOriginDescription(REFERENCE));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the built-in " + REFERENCE, e);
        }
    }

    private static Config parseUserFile(Path file) throws ConfigError {
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigError(file + ": cannot read the config file (missing, a folder, or not readable)");
        }
        return ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    }

    // Substitutions are resolved so ${...} values can be walked; ones that point into the defaults stay as they are.
    private static Config resolvedAlone(Config user) {
        return user.resolve(ConfigResolveOptions.defaults().setAllowUnresolved(true));
    }

    private static void failIfAny(List<String> problems) throws ConfigError {
        if (!problems.isEmpty()) {
            throw new ConfigError(String.join("\n", problems));
        }
    }

    private static List<String> typeProblems(Config merged, Config reference) {
        try {
            merged.checkValid(reference);
            return List.of();
        } catch (ConfigException.ValidationFailed e) {
            List<String> problems = new ArrayList<>();
            for (ConfigException.ValidationProblem p : e.problems()) {
                problems.add(ConfigError.where(p.origin()) + ": " + p.path() + ": " + p.problem());
            }
            return problems;
        }
    }
}
