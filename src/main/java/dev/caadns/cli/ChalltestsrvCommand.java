package dev.caadns.cli;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.ToIntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code caadns challtestsrv}: pebble-challtestsrv's DNS side, with its flags and defaults, so a test
 * rig that starts challtestsrv (Boulder's, Pebble's) runs with the binary swapped. Flags are Go's:
 * {@code -flag value}, {@code --flag value} and {@code -flag=value} alike, addresses in
 * comma-separated lists, {@code :PORT} for every address, {@code ""} to turn a listener off.
 */
@Command(name = "challtestsrv",
        description = {"Serve DNS as pebble-challtestsrv does: every name exists (outside-zones = challtestsrv), "
                + "unknown A/AAAA get the default addresses, the management API takes challtestsrv's calls.",
            "Flags take Go's forms (-flag value, --flag value, -flag=value); \":PORT\" means every address; "
                + "\"\" turns a listener off. challtestsrv's flags win over --config, which sets everything else."})
final class ChalltestsrvCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ChalltestsrvCommand.class);

    @Spec
    CommandSpec spec;

    @Option(names = {"-h", "-help", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    @Mixin
    ConfigOption config;

    @Mixin
    ZonesOption zones;

    @Option(names = {"-dnsserver", "--dnsserver", "-dns01", "--dns01"}, paramLabel = "ADDRS",
            description = "Comma-separated addresses for DNS over UDP and TCP (-dns01 is the old name). "
                    + "Default: ${DEFAULT-VALUE}")
    String dns = ":8053";

    @Option(names = {"-doh", "--doh"}, paramLabel = "ADDRS",
            description = "Comma-separated addresses for DNS over HTTPS. Default: ${DEFAULT-VALUE}")
    String doh = ":8443";

    @Option(names = {"-doh-cert", "--doh-cert"}, paramLabel = "FILE",
            description = "PEM certificate for DoH (tls.cert); \"\" = one from caadns's lab CA.")
    String dohCert = "";

    @Option(names = {"-doh-cert-key", "--doh-cert-key"}, paramLabel = "FILE",
            description = "PEM private key of -doh-cert.")
    String dohCertKey = "";

    @Option(names = {"-management", "--management"}, paramLabel = "ADDR",
            description = "Address of the management HTTP API. Default: ${DEFAULT-VALUE}")
    String management = ":8055";

    @Option(names = {"-defaultIPv4", "--defaultIPv4"}, paramLabel = "IP",
            description = "A answer for names without one; \"\" = none. Default: ${DEFAULT-VALUE}")
    String defaultIpv4 = "127.0.0.1";

    @Option(names = {"-defaultIPv6", "--defaultIPv6"}, paramLabel = "IP",
            description = "AAAA answer for names without one; \"\" = none. Default: ${DEFAULT-VALUE}")
    String defaultIpv6 = "::1";

    @Option(names = {"-http01", "--http01"}, paramLabel = "ADDRS", description = "Accepted; not served by caadns.")
    String http01 = ":5002";

    @Option(names = {"-https01", "--https01"}, paramLabel = "ADDRS", description = "Accepted; not served by caadns.")
    String https01 = ":5003";

    @Option(names = {"-tlsalpn01", "--tlsalpn01"}, paramLabel = "ADDRS", description = "Accepted; not served by caadns.")
    String tlsalpn01 = ":5001";

    @Option(names = "--workers", paramLabel = "N", description = "Worker threads; 0 = one per core.")
    Integer workers;

    private final ToIntFunction<Settings> server;

    ChalltestsrvCommand() {
        this(ServeCommand::serve);
    }

    /** @param server runs the server with the loaded settings and returns the exit code */
    ChalltestsrvCommand(ToIntFunction<Settings> server) {
        this.server = server;
    }

    @Override
    public Integer call() {
        Settings settings;
        try {
            settings = config.load(flags());
        } catch (ConfigError | IllegalArgumentException e) {
            spec.commandLine().getErr().println(e.getMessage());
            return CommandLine.ExitCode.USAGE;
        }
        notServed();
        return server.applyAsInt(settings);
    }

    /** challtestsrv's flags as caadns's config keys. */
    Map<String, Object> flags() {
        Map<String, Object> flags = new HashMap<>();
        zones.addTo(flags);
        if (zones.directory == null && !configNamesZones()) {
            flags.put("zones.directory", ""); // challtestsrv serves no zone files
        }
        flags.put("outside-zones", "challtestsrv");
        flags.put("listen", addresses("-dnsserver", dns));
        flags.put("doh.listen", addresses("-doh", doh));
        if (!dohCert.isEmpty()) {
            flags.put("tls.cert", dohCert);
        }
        if (!dohCertKey.isEmpty()) {
            flags.put("tls.key", dohCertKey);
        }
        List<String> api = addresses("-management", management);
        if (api.size() > 1) {
            throw new IllegalArgumentException("-management: one address, not " + management);
        }
        flags.put("management.listen", api.isEmpty() ? "" : api.get(0));
        flags.put("management.open", true);
        flags.put("default-address.ipv4", defaultIpv4.trim());
        flags.put("default-address.ipv6", defaultIpv6.trim());
        if (workers != null) {
            flags.put("workers", workers);
        }
        return flags;
    }

    /** True when --config gives a file that says which zones to serve; a file that does not parse is reported by the loader. */
    private boolean configNamesZones() {
        try {
            return config.file != null && ConfigFactory.parseFile(config.file.toFile()).hasPath("zones");
        } catch (ConfigException e) {
            return false;
        }
    }

    private void notServed() {
        Map<String, String> servers = new LinkedHashMap<>();
        servers.put("-http01", http01);
        servers.put("-https01", https01);
        servers.put("-tlsalpn01", tlsalpn01);
        List<String> ignored = new ArrayList<>();
        servers.forEach((flag, list) -> {
            if (!addresses(flag, list).isEmpty()) {
                ignored.add(flag + " " + list);
            }
        });
        if (!ignored.isEmpty()) {
            log.warn("not served by caadns, which answers DNS only: {}", String.join(", ", ignored));
        }
    }

    /**
     * Go's comma-separated listen list as caadns addresses: blanks dropped (so "" is none), and
     * {@code :PORT} (every address, as Go listens) one dual-stack socket on {@code [::]}, or on
     * {@code 0.0.0.0} where the machine has no IPv6.
     */
    static List<String> addresses(String flag, String list) {
        List<String> out = new ArrayList<>();
        for (String item : list.split(",")) {
            String address = item.trim();
            if (address.isEmpty()) {
                continue;
            }
            if (address.startsWith(":")) {
                address = (Wildcard.IPV6 ? "[::]" : "0.0.0.0") + address;
            }
            if (!address.contains(":")) {
                throw new IllegalArgumentException(flag + ": \"" + address + "\" needs a port, like :8053 or 127.0.0.1:8053");
            }
            out.add(address);
        }
        return out;
    }

    /** Whether this machine can listen on IPv6, asked once. */
    private static final class Wildcard {
        static final boolean IPV6 = canBindIpv6();

        private static boolean canBindIpv6() {
            try (ServerSocket probe = new ServerSocket()) {
                probe.bind(new InetSocketAddress(InetAddress.getByName("::1"), 0));
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
