package dev.caadns.config;

import com.typesafe.config.Config;
import dev.caadns.zone.SerialPolicy;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The checked, typed configuration caadns runs with. Immutable; built by {@link SettingsLoader}. */
public final class Settings {
    /** {@code zones.directory = ""}: no folder is read. */
    private static final Path NO_FOLDER = Path.of("");
    private static final String REFERENCE_ORIGIN = "reference.conf";

    private final List<InetSocketAddress> listen;
    private final Path zonesDirectory;
    private final List<ZoneFile> zoneFiles;
    private final SerialPolicy serialPolicy;
    private final int ednsUdpSize;
    private final byte[] nsid;
    private final Duration tcpIdleTimeout;
    private final Duration tcpMessageTimeout;
    private final int tcpMaxConnections;
    private final Duration managementIdleTimeout;
    private final int managementMaxConnections;
    private final int includeDepth;
    private final int generateMaxRange;
    private final int includeFiles;
    private final int zoneMaxBytes;
    private final int generateMaxNames;
    private final int zoneMaxRecords;
    private final Duration zoneLoadTimeout;
    private final int workers;
    private final int udpReceiveBuffer;
    private final int udpSendBuffer;
    private final boolean caaAllowInvalid;
    private final OutsideZones outsideZones;
    private final List<InetSocketAddress> dohListen;
    private final Optional<String> dohPath;
    private final List<InetSocketAddress> dotListen;
    private final Optional<Path> tlsCert;
    private final Optional<Path> tlsKey;
    private final List<String> tlsNames;
    private final Duration tlsHandshakeTimeout;
    private final Path stateDirectory;
    private final Config config;
    private final Optional<Path> configFile;

    /** Reads every key reference.conf defines; the first bad value stops with a {@link ConfigError}. */
    Settings(TypedConfig c, Optional<Path> configFile) throws ConfigError {
        this.listen = c.addresses("listen");
        this.zonesDirectory = c.string("zones.directory").isEmpty() ? NO_FOLDER : c.path("zones.directory");
        this.zoneFiles = c.zoneFiles("zones.files");
        this.serialPolicy = c.choice("zones.serial-policy", SerialPolicy.class);
        this.ednsUdpSize = c.integer("edns.udp-size", 512, 65535);
        this.nsid = c.octets("edns.nsid");
        this.tcpIdleTimeout = c.duration("tcp.idle-timeout");
        this.tcpMessageTimeout = c.duration("tcp.message-timeout");
        this.tcpMaxConnections = c.integer("tcp.max-connections", 1, 1_000_000);
        this.managementIdleTimeout = c.duration("management.idle-timeout");
        this.managementMaxConnections = c.integer("management.max-connections", 1, 100_000);
        this.includeDepth = c.integer("zone-files.include-depth", 0, 64);
        this.generateMaxRange = c.integer("zone-files.generate-max-range", 0, Integer.MAX_VALUE);
        this.includeFiles = c.integer("zone-files.include-files", 0, Integer.MAX_VALUE);
        this.zoneMaxBytes = c.size("zone-files.max-bytes");
        this.generateMaxNames = c.integer("zone-files.generate-max-names", 0, Integer.MAX_VALUE);
        this.zoneMaxRecords = c.integer("zone-files.max-records", 1, Integer.MAX_VALUE);
        this.zoneLoadTimeout = c.duration("zone-files.load-timeout");
        int configuredWorkers = c.integer("workers", 0, 1024);
        this.workers = configuredWorkers > 0 ? configuredWorkers : Runtime.getRuntime().availableProcessors();
        this.udpReceiveBuffer = c.size("udp.receive-buffer");
        this.udpSendBuffer = c.size("udp.send-buffer");
        this.caaAllowInvalid = c.bool("caa.allow-invalid");
        this.outsideZones = c.choice("outside-zones", OutsideZones.class);
        this.dohListen = c.addresses("doh.listen");
        String path = c.string("doh.path");
        if (!path.isEmpty() && !path.startsWith("/")) {
            throw ConfigError.at(c.config().getValue("doh.path").origin(), "doh.path",
                    "expected a URL path starting with /, like \"/dns-query\", or \"\" for every path, got \"" + path + "\"");
        }
        this.dohPath = path.isEmpty() ? Optional.empty() : Optional.of(path);
        this.dotListen = c.addresses("dot.listen");
        this.tlsCert = c.optionalPath("tls.cert");
        this.tlsKey = c.optionalPath("tls.key");
        if (tlsCert.isPresent() != tlsKey.isPresent()) {
            String set = tlsCert.isPresent() ? "tls.cert" : "tls.key";
            throw ConfigError.at(c.config().getValue(set).origin(), set,
                    "tls.cert and tls.key go together: set both, or neither for a lab CA made by caadns");
        }
        this.tlsNames = c.strings("tls.names");
        this.tlsHandshakeTimeout = c.duration("tls.handshake-timeout");
        this.stateDirectory = stateDirectory(c, configFile);
        this.config = c.config();
        this.configFile = configFile;
    }

    /** Addresses to answer on, UDP and TCP on each. */
    public List<InetSocketAddress> listen() {
        return listen;
    }

    /** Folder of zone files, used when {@link #zoneFiles()} is empty. */
    public Path zonesDirectory() {
        return zonesDirectory;
    }

    /** True when a folder or files are named; false for {@code zones.directory = ""} and no files. */
    public boolean hasZoneFiles() {
        return !zoneFiles.isEmpty() || !zonesDirectory.equals(NO_FOLDER);
    }

    /** Zone files named one by one; when not empty, only these are served. */
    public List<ZoneFile> zoneFiles() {
        return zoneFiles;
    }

    /** What a runtime change does to its zone's SOA serial. */
    public SerialPolicy serialPolicy() {
        return serialPolicy;
    }

    public int ednsUdpSize() {
        return ednsUdpSize;
    }

    /** The NSID payload; empty means NSID is off. */
    public byte[] nsid() {
        return nsid.clone();
    }

    public Duration tcpIdleTimeout() {
        return tcpIdleTimeout;
    }

    /** How long one message may take to arrive whole, from its first byte. */
    public Duration tcpMessageTimeout() {
        return tcpMessageTimeout;
    }

    public int tcpMaxConnections() {
        return tcpMaxConnections;
    }

    /** A management connection must bring a whole request within this of its last one (or its start). */
    public Duration managementIdleTimeout() {
        return managementIdleTimeout;
    }

    public int managementMaxConnections() {
        return managementMaxConnections;
    }

    /** How deep $INCLUDE may nest; 0 refuses $INCLUDE. */
    public int includeDepth() {
        return includeDepth;
    }

    /** Most names one $GENERATE line may create. */
    public int generateMaxRange() {
        return generateMaxRange;
    }

    /** Files $INCLUDE may read for one zone, a file read twice counted twice. */
    public int includeFiles() {
        return includeFiles;
    }

    /** Bytes of zone-file text one zone may read, its includes together. */
    public int zoneMaxBytes() {
        return zoneMaxBytes;
    }

    /** Names all of one zone's $GENERATE lines may make together. */
    public int generateMaxNames() {
        return generateMaxNames;
    }

    public int zoneMaxRecords() {
        return zoneMaxRecords;
    }

    /** How long reading one zone may take. */
    public Duration zoneLoadTimeout() {
        return zoneLoadTimeout;
    }

    /** Worker threads, always above 0 (a configured 0 becomes the core count). */
    public int workers() {
        return workers;
    }

    public int udpReceiveBuffer() {
        return udpReceiveBuffer;
    }

    public int udpSendBuffer() {
        return udpSendBuffer;
    }

    public boolean caaAllowInvalid() {
        return caaAllowInvalid;
    }

    /** How names outside every zone file are answered. */
    public OutsideZones outsideZones() {
        return outsideZones;
    }

    /** Addresses to answer DNS over HTTPS on; empty = off. */
    public List<InetSocketAddress> dohListen() {
        return dohListen;
    }

    /** The one URL path DoH answers on; empty = every path. */
    public Optional<String> dohPath() {
        return dohPath;
    }

    /** Addresses to answer DNS over TLS on; empty = off. */
    public List<InetSocketAddress> dotListen() {
        return dotListen;
    }

    /** The operator's PEM certificate chain; empty (with {@link #tlsKey()}) = a lab CA made by caadns. */
    public Optional<Path> tlsCert() {
        return tlsCert;
    }

    public Optional<Path> tlsKey() {
        return tlsKey;
    }

    /** Names the made server certificate holds besides localhost and the listen addresses. */
    public List<String> tlsNames() {
        return tlsNames;
    }

    public Duration tlsHandshakeTimeout() {
        return tlsHandshakeTimeout;
    }

    /** Where caadns keeps what it makes across restarts (the lab CA). */
    public Path stateDirectory() {
        return stateDirectory;
    }

    /** The default folder sits beside the config file: a relative default would otherwise follow the working directory. */
    private static Path stateDirectory(TypedConfig c, Optional<Path> configFile) throws ConfigError {
        return besideConfigFile(c.config(), configFile, "state.directory", c.path("state.directory"));
    }

    /**
     * A folder key's path as the user means it: written in a file, relative to that file (as read);
     * left at its default, relative to the config file when there is one, else to the working directory.
     */
    public static Path besideConfigFile(Config config, Optional<Path> configFile, String key, Path configured) {
        boolean fromDefaults = config.getValue(key).origin().description().startsWith(REFERENCE_ORIGIN);
        if (fromDefaults && !configured.isAbsolute() && configFile.isPresent()) {
            Path folder = configFile.get().toAbsolutePath().getParent();
            return folder.resolve(configured).normalize();
        }
        return configured;
    }

    /** The merged, resolved tree (flags over file over defaults), for plugins that read their own keys. */
    public Config config() {
        return config;
    }

    /** The user config file, if one was given. */
    public Optional<Path> configFile() {
        return configFile;
    }
}
