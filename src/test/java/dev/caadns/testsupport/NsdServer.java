package dev.caadns.testsupport;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;

/**
 * NSD serving the given zones on a free loopback port: one server process, no rate limiting (on by
 * default, it would drop our query bursts), every state file in the work directory.
 */
public final class NsdServer extends PeerServer {
    public static final Path NSD = Path.of("/usr/sbin/nsd");

    private NsdServer(ServerProcess process) {
        super(process);
    }

    public static NsdServer start(Path workDir, Map<Name, Path> zones) {
        Command.require(NSD.toString(), "nsd");
        int port = FreePorts.udpAndTcp();
        Path conf = workDir.resolve("nsd.conf");
        write(conf, config(workDir, port, zones));
        ServerProcess process = ServerProcess.start("nsd", List.of(NSD.toString(), "-d", "-c", conf.toString()),
                port, workDir.resolve("nsd.log"), zones.keySet().iterator().next());
        return new NsdServer(process);
    }

    private static String config(Path workDir, int port, Map<Name, Path> zones) {
        StringBuilder conf = new StringBuilder();
        conf.append("server:\n")
                .append("    ip-address: 127.0.0.1@").append(port).append('\n')
                .append("    server-count: 1\n")
                .append("    rrl-ratelimit: 0\n")
                .append("    username: \"\"\n")
                .append("    chroot: \"\"\n")
                .append("    database: \"\"\n")
                .append("    zonesdir: \"").append(workDir).append("\"\n")
                .append("    pidfile: \"").append(workDir.resolve("nsd.pid")).append("\"\n")
                .append("    xfrdfile: \"").append(workDir.resolve("xfrd.state")).append("\"\n")
                .append("    zonelistfile: \"").append(workDir.resolve("zone.list")).append("\"\n")
                .append("    verbosity: 1\n")
                .append("remote-control:\n")
                .append("    control-enable: no\n");
        zones.forEach((origin, file) -> conf.append("zone:\n")
                .append("    name: \"").append(origin).append("\"\n")
                .append("    zonefile: \"").append(file.toAbsolutePath()).append("\"\n"));
        return conf.toString();
    }
}
