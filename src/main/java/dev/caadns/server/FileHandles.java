package dev.caadns.server;

import dev.caadns.config.Settings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says at start when the process may open fewer files than its connection caps could use: past
 * the limit, accept() fails with "Too many open files" and DNS over TCP and reloads fail with it.
 */
final class FileHandles {
    private static final Logger log = LoggerFactory.getLogger(FileHandles.class);
    /** Listening sockets, zone files, the journal, the jar's own handles. */
    private static final int BESIDES_CONNECTIONS = 256;
    private static final String LIMIT_LINE = "Max open files";

    private FileHandles() {
    }

    static void warnIfShort(Settings settings) {
        OptionalLong limit = limit(Path.of("/proc/self/limits"));
        long needed = (long) settings.tcpMaxConnections() + settings.managementMaxConnections() + BESIDES_CONNECTIONS;
        if (limit.isPresent() && limit.getAsLong() < needed) {
            log.warn("this process may open {} files, but tcp.max-connections ({}) and management.max-connections "
                            + "({}) may need {}: raise the limit (ulimit -n) or lower the caps", limit.getAsLong(),
                    settings.tcpMaxConnections(), settings.managementMaxConnections(), needed);
        }
    }

    /**
     * The soft limit on open files, from Linux's limits table; empty where there is none. Read there
     * rather than from the OperatingSystemMXBean, whose first use parses the cgroup hierarchy
     * (~40 classes at every start, before the first answer).
     */
    static OptionalLong limit(Path limits) {
        try {
            for (String line : Files.readAllLines(limits)) {
                if (line.startsWith(LIMIT_LINE)) {
                    String soft = line.substring(LIMIT_LINE.length()).trim().split("\\s+")[0];
                    return soft.equals("unlimited") ? OptionalLong.of(Long.MAX_VALUE) : OptionalLong.of(Long.parseLong(soft));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not Linux, or a table we do not know: no warning rather than a wrong one
        }
        return OptionalLong.empty();
    }
}
