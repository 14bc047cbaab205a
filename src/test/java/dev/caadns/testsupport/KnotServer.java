package dev.caadns.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.Name;

/** Knot DNS (knotd) serving the given zones on a free loopback port, one worker of each kind. */
public final class KnotServer extends PeerServer {
    public static final Path KNOTD = Path.of("/usr/sbin/knotd");

    private KnotServer(ServerProcess process) {
        super(process);
    }

    /** Skips the calling test when knotd is not installed, or fails it under CI=true ({@link Command#require}). */
    public static void assumeInstalled() {
        Command.require(KNOTD.toString(), "knot");
    }

    public static KnotServer start(Path workDir, Map<Name, Path> zones) {
        return start(workDir, zones, List.of());
    }

    /** @param modules Knot modules every zone runs, e.g. {@code mod-cookies}, as {@code global-module} */
    public static KnotServer start(Path workDir, Map<Name, Path> zones, List<String> modules) {
        return start(workDir, zones, modules, "");
    }

    /**
     * @param moduleSections module configuration written before the templates, e.g.
     *     {@code "mod-rrl:\n  - id: lab\n    rate-limit: 5\n"} for {@code mod-rrl/lab}
     */
    public static KnotServer start(Path workDir, Map<Name, Path> zones, List<String> modules, String moduleSections) {
        return start(workDir, zones, modules, moduleSections, List.of());
    }

    /**
     * @param sections further top-level sections, e.g. a {@code policy:} for DNSSEC signing
     * @param templateLines further keys of the default template, e.g. {@code dnssec-signing: on}
     */
    public static KnotServer start(Path workDir, Map<Name, Path> zones, List<String> modules, String sections,
                                   List<String> templateLines) {
        assumeInstalled();
        int port = FreePorts.udpAndTcp();
        Path conf = workDir.resolve("knot.conf");
        write(conf, config(workDir, port, zones, modules, sections, templateLines));
        ServerProcess process = ServerProcess.start("knot", List.of(KNOTD.toString(), "-c", conf.toString()),
                port, workDir.resolve("knot.log"), zones.keySet().iterator().next());
        return new KnotServer(process);
    }

    private static String config(Path workDir, int port, Map<Name, Path> zones, List<String> modules,
                                 String moduleSections, List<String> templateLines) {
        StringBuilder conf = new StringBuilder();
        conf.append("server:\n")
                .append("    rundir: \"").append(workDir).append("\"\n")
                .append("    listen: 127.0.0.1@").append(port).append('\n')
                .append("    udp-workers: 1\n")
                .append("    tcp-workers: 1\n")
                .append("    background-workers: 1\n")
                .append("database:\n")
                .append("    storage: \"").append(workDir).append("\"\n")
                .append("log:\n")
                .append("  - target: stderr\n")
                .append("    any: info\n")
                .append(moduleSections)
                .append("template:\n")
                .append("  - id: default\n")
                .append("    storage: \"").append(workDir).append("\"\n")
                .append("    zonefile-load: whole\n")
                .append("    zonefile-sync: -1\n")
                .append("    journal-content: none\n");
        modules.forEach(m -> conf.append("    global-module: ").append(m).append('\n'));
        templateLines.forEach(line -> conf.append("    ").append(line).append('\n'));
        conf.append("zone:\n");
        zones.forEach((origin, file) -> conf.append("  - domain: \"").append(origin).append("\"\n")
                .append("    file: \"").append(file.toAbsolutePath()).append("\"\n"));
        return conf.toString();
    }

}
