package dev.caadns.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigSyntax;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Builds {@link Settings} from our reference.conf, an optional user file and command-line flags. */
public final class SettingsLoader {

    private static final String REFERENCE = "reference.conf";
    private static final String FLAGS = "command line";
    private static final Pattern PLACE = Pattern.compile("(.*?):(\\d+): ");
    /** Bad values read on past before giving up; each costs one more reading of the settings. */
    private static final int MAX_PROBLEMS = 50;

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

            List<String> problems = new ArrayList<>(KeyCheck.problems(reference.root(), resolvedAlone(user).root()));
            problems.addAll(KeyCheck.problems(reference.root(), cli.root()));
            Config merged = cli.withFallback(user).withFallback(reference).resolve();
            Settings settings = null;
            // Like a compiler, report every mistake at once: a bad value is noted and read on with
            // its default, so the next one is found in the same run.
            for (int attempt = 0; settings == null; attempt++) {
                try {
                    settings = new Settings(new TypedConfig(merged), userFile);
                } catch (ConfigError e) {
                    problems.add(e.getMessage());
                    if (e.path() == null || !reference.hasPath(e.path()) || attempt >= MAX_PROBLEMS) {
                        throw inFileOrder(problems);
                    }
                    merged = merged.withValue(e.path(), reference.getValue(e.path()));
                }
            }
            problems.addAll(typeProblems(merged, reference)); // keys plugins read themselves from config()
            if (!problems.isEmpty()) {
                throw inFileOrder(problems);
            }
            return settings;
        } catch (ConfigException e) {
            throw ConfigError.from(e);
        }
    }

    /** Only our own defaults: other jars' reference.conf files are not caadns settings. */
    private static Config reference() {
        // Buffered (as the library buffers the files it opens): its parser reads a character at a
        // time, and through a bare decoder the 15 KB file took ~30 ms of a start's main thread
        try (InputStream in = SettingsLoader.class.getResourceAsStream("/" + REFERENCE);
             Reader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
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

    /** One message of every problem, one a line, sorted by file and line as a compiler lists them. */
    private static ConfigError inFileOrder(List<String> problems) {
        List<String> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparing(SettingsLoader::file).thenComparingInt(SettingsLoader::line));
        return new ConfigError(String.join("\n", sorted));
    }

    /** The file of {@code file:line: ...}; "" for a problem without a line, which sorts first. */
    private static String file(String problem) {
        Matcher m = PLACE.matcher(problem);
        return m.lookingAt() ? m.group(1) : "";
    }

    private static int line(String problem) {
        Matcher m = PLACE.matcher(problem);
        return m.lookingAt() ? Integer.parseInt(m.group(2)) : 0;
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
