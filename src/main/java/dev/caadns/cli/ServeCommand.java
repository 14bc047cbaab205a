package dev.caadns.cli;

import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import dev.caadns.server.ServerMain;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code caadns serve}: load the settings and answer queries until stopped. */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the zones until stopped. Flags override the config file, which overrides the defaults.")
final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOption config;

    @Mixin
    ZonesOption zones;

    @Option(names = "--listen", paramLabel = "ADDR:PORT",
            description = "Address to answer on, UDP and TCP, like 127.0.0.1:8053 or [::1]:8053. "
                    + "Repeatable; replaces the configured list.")
    List<String> listen;

    @Option(names = "--doh", paramLabel = "ADDR:PORT",
            description = "Address to answer DNS over HTTPS on (HTTP/2 and HTTP/1.1), like 127.0.0.1:8443. "
                    + "Repeatable; replaces doh.listen. Off by default.")
    List<String> doh;

    @Option(names = "--dot", paramLabel = "ADDR:PORT",
            description = "Address to answer DNS over TLS on, like 127.0.0.1:8853. "
                    + "Repeatable; replaces dot.listen. Off by default.")
    List<String> dot;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "PEM certificate (chain) for DoT and DoH; without it and --tls-key a lab CA is made.")
    String tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key of --tls-cert.")
    String tlsKey;

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads; 0 = one per core.")
    Integer workers;

    @Option(names = "--management", paramLabel = "ADDR:PORT",
            description = "Address of the management HTTP API (challtestsrv endpoints, /api/v1, /metrics); "
                    + "\"\" turns it off. Default 127.0.0.1:8055.")
    String management;

    private final ToIntFunction<Settings> server;

    ServeCommand() {
        this(ServeCommand::serve);
    }

    /** Runs the server until it is told to stop; the exit code. */
    static int serve(Settings settings) {
        try {
            return ServerMain.run(settings, Plugins.forSettings(settings));
        } catch (ConfigError e) {
            System.err.println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
    }

    /** @param server runs the server with the loaded settings and returns the exit code */
    ServeCommand(ToIntFunction<Settings> server) {
        this.server = server;
    }

    @Override
    public Integer call() {
        Settings settings;
        try {
            settings = config.load(flags());
        } catch (ConfigError e) {
            spec.commandLine().getErr().println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        return server.applyAsInt(settings);
    }

    /** The flags given, as HOCON paths for the loader. */
    private Map<String, Object> flags() {
        Map<String, Object> flags = new HashMap<>();
        zones.addTo(flags);
        if (listen != null) {
            flags.put("listen", listen);
        }
        if (doh != null) {
            flags.put("doh.listen", doh);
        }
        if (dot != null) {
            flags.put("dot.listen", dot);
        }
        if (tlsCert != null) {
            flags.put("tls.cert", tlsCert);
        }
        if (tlsKey != null) {
            flags.put("tls.key", tlsKey);
        }
        if (workers != null) {
            flags.put("workers", workers);
        }
        if (management != null) {
            flags.put("management.listen", management);
        }
        return flags;
    }
}
