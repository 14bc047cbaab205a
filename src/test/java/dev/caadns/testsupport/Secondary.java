package dev.caadns.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Assumptions;
import org.xbill.DNS.Name;

/**
 * A real secondary (knotd, nsd or named) on a loopback port, pulling one zone from a primary with a
 * TSIG key and taking its NOTIFYs; transfers go out from its own loopback address, so the primary can
 * tell the secondaries apart. Started, it has the zone (it answers the zone's SOA); it can be stopped
 * and started again with what it stored, as a stale secondary coming back.
 */
public final class Secondary implements DnsTarget {
    /** The key every secondary and the primary share, in each one's syntax. */
    public record Key(String name, String algorithm, String secret) {
    }

    public enum Kind {
        KNOT("/usr/sbin/knotd", "127.0.0.2"),
        NSD("/usr/sbin/nsd", "127.0.0.3"),
        BIND("/usr/sbin/named", "127.0.0.4");

        final Path binary;
        /** The address transfers come from. */
        public final String source;

        Kind(String binary, String source) {
            this.binary = Path.of(binary);
            this.source = source;
        }
    }

    private final Kind kind;
    private final Path dir;
    private final int port;
    private final Name zone;
    private final Key key;
    private ServerProcess process;

    private Secondary(Kind kind, Path dir, int port, Name zone, Key key) {
        this.kind = kind;
        this.dir = dir;
        this.port = port;
        this.zone = zone;
        this.key = key;
    }

    /** Skips the calling test when the secondary's daemon is not installed. */
    public static void assumeInstalled(Kind kind) {
        Assumptions.assumeTrue(Files.isExecutable(kind.binary), kind.binary + " not installed; skipping");
    }

    /** A secondary of the zone on a free port of its own (known before the primary starts, for its NOTIFY list). */
    public static Secondary of(Kind kind, Path dir, Name zone, Key key) {
        assumeInstalled(kind);
        return new Secondary(kind, dir, FreePorts.udpAndTcp(), zone, key);
    }

    /** Writes its config for the zone from primary, starts it and waits until it serves the zone. */
    public Secondary start(InetSocketAddress primary) {
        return startWith(config(primary));
    }

    /** Its config for the zone from primary, in its own syntax: what {@link #start} runs it with. */
    public String config(InetSocketAddress primary) {
        String p = primary.getAddress().getHostAddress();
        int pp = primary.getPort();
        return switch (kind) {
            case KNOT -> knot(dir, port, zone, p, pp, key);
            case NSD -> nsd(dir, port, zone, p, pp, key);
            case BIND -> bind(dir, port, zone, p, pp, key);
        };
    }

    /** Starts it with this config text (which must listen on {@link #port()}) and waits until it serves the zone. */
    public Secondary startWith(String config) {
        Path conf = dir.resolve(name() + ".conf");
        write(conf, config);
        List<String> command = switch (kind) {
            case KNOT -> List.of(kind.binary.toString(), "-c", conf.toString());
            case NSD -> List.of(kind.binary.toString(), "-d", "-c", conf.toString());
            case BIND -> List.of(kind.binary.toString(), "-g", "-n", "1", "-c", conf.toString());
        };
        process = ServerProcess.start(name(), command, port, log(), zone);
        return this;
    }

    public void stop() {
        if (process != null) {
            process.close();
            process = null;
        }
    }

    public Kind kind() {
        return kind;
    }

    /** The port it answers on, for the primary's NOTIFY list. */
    public int port() {
        return port;
    }

    public Path log() {
        return dir.resolve(kind.name().toLowerCase() + ".log");
    }

    public String logText() {
        try {
            return Files.exists(log()) ? Files.readString(log()) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits (bounded) until a line of its log matches; true when one did in time. */
    public boolean awaitLog(Predicate<String> line, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        do {
            if (logText().lines().anyMatch(line)) {
                return true;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        return false;
    }

    /**
     * How many updates NSD 4.6 (Debian 12's) has dropped: when transfers bunch up during one of its
     * reloads it logs "update failed, restarting transfer", keeps the serial it had, and waits for
     * the SOA's refresh (hours) for the rest; later NSD fixed it (its test xfr_over_notify). 0 for
     * Knot and BIND.
     */
    public long droppedUpdates() {
        return kind != Kind.NSD ? 0 : logText().lines().filter(l -> l.contains("update failed, restarting transfer")).count();
    }

    /** Sends it a NOTIFY for its zone, as the primary does at a change, so it asks the primary's serial now. */
    public void notifyOfChange() {
        new DnsTestClient().udp(this, Queries.notify(1, zone));
    }

    @Override
    public InetSocketAddress udp() {
        return new InetSocketAddress("127.0.0.1", port);
    }

    @Override
    public InetSocketAddress tcp() {
        return udp();
    }

    @Override
    public String name() {
        return kind.name().toLowerCase();
    }

    @Override
    public void close() {
        stop();
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Knot 3.2: a journal holds the zone, so a restarted Knot has its old copy and asks IXFR; read back unsigned from 127.0.0.1. */
    static String knot(Path dir, int port, Name zone, String primary, int primaryPort, Key key) {
        return "server:\n"
                + "    rundir: \"" + dir + "\"\n"
                + "    listen: 127.0.0.1@" + port + "\n"
                + "    udp-workers: 1\n    tcp-workers: 1\n    background-workers: 1\n"
                + "database:\n    storage: \"" + dir + "\"\n"
                + "log:\n  - target: stderr\n    any: info\n"
                + "key:\n  - id: " + key.name() + "\n    algorithm: " + key.algorithm() + "\n    secret: " + key.secret() + "\n"
                + "remote:\n  - id: primary\n    address: " + primary + "@" + primaryPort + "\n"
                + "    via: " + Kind.KNOT.source + "\n    key: " + key.name() + "\n"
                + "acl:\n  - id: notify-from-primary\n    address: " + primary + "\n    action: notify\n"
                + "  - id: read-back\n    address: 127.0.0.1\n    action: transfer\n"
                + "template:\n  - id: default\n    storage: \"" + dir + "\"\n"
                + "    zonefile-sync: -1\n    zonefile-load: none\n    journal-content: all\n"
                + "zone:\n  - domain: \"" + zone + "\"\n    master: primary\n    acl: [notify-from-primary, read-back]\n";
    }

    /** NSD 4.6: the zone file it writes is what a restart reads. */
    static String nsd(Path dir, int port, Name zone, String primary, int primaryPort, Key key) {
        return "server:\n"
                + "    ip-address: 127.0.0.1@" + port + "\n"
                + "    server-count: 1\n    rrl-ratelimit: 0\n    username: \"\"\n    chroot: \"\"\n"
                + "    database: \"\"\n    zonesdir: \"" + dir + "\"\n"
                + "    pidfile: \"" + dir.resolve("nsd.pid") + "\"\n"
                + "    xfrdfile: \"" + dir.resolve("xfrd.state") + "\"\n"
                + "    xfrdir: \"" + dir + "\"\n"
                + "    zonelistfile: \"" + dir.resolve("zone.list") + "\"\n"
                + "    verbosity: 2\n"
                + "remote-control:\n    control-enable: no\n"
                + "key:\n    name: \"" + key.name() + "\"\n    algorithm: " + key.algorithm() + "\n    secret: \"" + key.secret() + "\"\n"
                + "zone:\n    name: \"" + zone + "\"\n    zonefile: \"" + dir.resolve(zone + "zone") + "\"\n"
                + "    request-xfr: " + primary + "@" + primaryPort + " " + key.name() + "\n"
                + "    allow-notify: " + primary + " NOKEY\n"
                + "    outgoing-interface: " + Kind.NSD.source + "\n";
    }

    /** BIND 9.18 (run with -g: its log goes to stderr): a secondary zone with its file, IXFR when it has the zone; read back unsigned from 127.0.0.1. */
    static String bind(Path dir, int port, Name zone, String primary, int primaryPort, Key key) {
        return "options {\n"
                + "    directory \"" + dir + "\";\n"
                + "    listen-on port " + port + " { 127.0.0.1; };\n    listen-on-v6 { none; };\n"
                + "    pid-file \"" + dir.resolve("named.pid") + "\";\n"
                + "    session-keyfile \"" + dir.resolve("session.key") + "\";\n"
                + "    recursion no;\n    notify no;\n    dnssec-validation no;\n    minimal-responses yes;\n"
                + "    transfer-source " + Kind.BIND.source + ";\n"
                + "};\n"
                + "key \"" + key.name() + "\" { algorithm " + key.algorithm() + "; secret \"" + key.secret() + "\"; };\n"
                + "controls { };\n"
                + "zone \"" + zone + "\" {\n    type secondary;\n    file \"" + dir.resolve(zone + "db") + "\";\n"
                + "    primaries port " + primaryPort + " { " + primary + " key \"" + key.name() + "\"; };\n"
                + "    allow-notify { " + primary + "; };\n    allow-transfer { 127.0.0.1; };\n};\n";
    }
}
