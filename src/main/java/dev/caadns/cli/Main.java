package dev.caadns.cli;

import dev.caadns.server.ServerMain;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** The {@code caadns} command; each subcommand is one class listed here. */
@Command(name = "caadns",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Authoritative DNS server for testing certificate authorities (CAA).")
public final class Main implements Callable<Integer> {
    /**
     * Each subcommand by its {@code @Command} name (MainTest holds the two equal): found by name, a
     * start reads the annotations of the one it runs only (each annotation type read makes a proxy
     * class, which the class-data archive cannot hold).
     */
    static final Map<String, Class<?>> SUBCOMMANDS = subcommands(
            "serve", ServeCommand.class,
            "check", CheckCommand.class,
            "explain", ExplainCommand.class,
            "challtestsrv", ChalltestsrvCommand.class,
            "help", CommandLine.HelpCommand.class,
            "dnssec", DnssecCommand.class);

    @Spec
    CommandSpec spec;

    /** Netty's switch for its JFR events; see {@link #main}. */
    static final String NETTY_JFR = "io.netty.jfr.enabled";

    public static void main(String[] args) {
        nettyWithoutJfr();
        if (args.length > 0 && (args[0].equals("serve") || args[0].equals("challtestsrv"))) {
            ServerMain.takeSignals(); // before anything else, so an early SIGHUP cannot kill it
        }
        System.exit(commandLine(args).execute(args));
    }

    /**
     * Netty 4.2 registers JFR events for its buffer allocator whenever the JVM has JFR, which loads
     * and starts jdk.jfr (~0.1 s of a start) though nothing records them. Off unless asked for
     * ({@code -Dio.netty.jfr.enabled=true}).
     */
    static void nettyWithoutJfr() {
        if (System.getProperty(NETTY_JFR) == null) {
            System.setProperty(NETTY_JFR, "false");
        }
    }

    static CommandLine commandLine() {
        return commandLine(new String[0]);
    }

    /**
     * The command line for these arguments: when they start with a subcommand, only that one is
     * set up (picocli reads every option of every subcommand it is given, by reflection: ~50 ms of
     * a start); otherwise all of them, for usage, {@code help} and the unknown-command error.
     */
    static CommandLine commandLine(String[] args) {
        // Plain loops: a lambda taking a CommandLine links picocli's class while the class-data
        // archive is dumped, and a linked Java 5 class is left out of it.
        Class<?> named = args.length > 0 && !args[0].equals("help") ? SUBCOMMANDS.get(args[0]) : null;
        CommandLine main = new CommandLine(new Main());
        for (Class<?> subcommand : named == null ? SUBCOMMANDS.values() : List.of(named)) {
            main.addSubcommand(subcommand);
        }
        return main.setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static Map<String, Class<?>> subcommands(Object... nameThenClass) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (int i = 0; i < nameThenClass.length; i += 2) {
            byName.put((String) nameThenClass[i], (Class<?>) nameThenClass[i + 1]);
        }
        return Collections.unmodifiableMap(byName);
    }

    /** No subcommand given: show what there is. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** The version Maven packaged into the jar; source builds have none. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties pom = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/META-INF/maven/dev.caadns/caadns/pom.properties")) {
                if (in != null) {
                    pom.load(in);
                }
            }
            return new String[] {"caadns " + pom.getProperty("version", "(development build)")};
        }
    }
}
