package dev.caadns.testsupport;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * Unbound as a validating resolver on a free loopback port: it trusts the given anchor file and
 * reaches each stub zone at one authoritative server (caadns). Nothing is cached, bogus answers
 * included, so every query goes to the server and a fault shows at once.
 */
public final class UnboundResolver extends PeerServer {
    public static final Path UNBOUND = Path.of("/usr/sbin/unbound");

    private UnboundResolver(ServerProcess process) {
        super(process);
    }

    public static void assumeInstalled() {
        Command.require(UNBOUND.toString(), "unbound");
    }

    /** @param probe a name Unbound must resolve (with RD) before the resolver counts as up */
    public static UnboundResolver start(Path workDir, Path trustAnchorFile, List<Name> stubZones,
                                        InetSocketAddress authority, Name probe) {
        assumeInstalled();
        int port = FreePorts.udpAndTcp();
        Path conf = workDir.resolve("unbound.conf");
        write(conf, config(workDir, port, trustAnchorFile, stubZones, authority));
        return start(conf, port, workDir.resolve("unbound.log"), probe);
    }

    /** Runs Unbound with a config file written elsewhere (an example's), listening on port. */
    public static UnboundResolver start(Path conf, int port, Path log, Name probe) {
        assumeInstalled();
        Message query = Queries.query(0x5eee, probe, Type.SOA);
        query.getHeader().setFlag(Flags.RD);
        ServerProcess process = ServerProcess.start("unbound", List.of(UNBOUND.toString(), "-d", "-c", conf.toString()),
                port, log, query);
        return new UnboundResolver(process);
    }

    private static String config(Path workDir, int port, Path anchors, List<Name> stubZones,
                                 InetSocketAddress authority) {
        StringBuilder conf = new StringBuilder("server:\n");
        for (String line : List.of(
                "interface: 127.0.0.1", "port: " + port, "do-daemonize: no", "username: \"\"", "chroot: \"\"",
                "directory: \"" + workDir + "\"", "pidfile: \"\"", "use-syslog: no", "logfile: \"\"",
                "verbosity: 1", "val-log-level: 2", "do-not-query-localhost: no", "do-ip6: no",
                "access-control: 127.0.0.0/8 allow", "trust-anchor-file: \"" + anchors + "\"",
                "cache-max-ttl: 0", "cache-max-negative-ttl: 0", "val-bogus-ttl: 0", "qname-minimisation: no",
                "num-threads: 1", "outgoing-range: 64", "num-queries-per-thread: 32",
                // test. is one of Unbound's built-in NXDOMAIN zones (RFC 6761): resolve it instead
                "local-zone: \"test.\" nodefault")) {
            conf.append("    ").append(line).append('\n');
        }
        conf.append("remote-control:\n    control-enable: no\n");
        for (Name zone : stubZones) {
            conf.append("stub-zone:\n    name: \"").append(zone).append("\"\n    stub-addr: ")
                    .append(authority.getAddress().getHostAddress()).append('@').append(authority.getPort()).append('\n');
        }
        return conf.toString();
    }
}
