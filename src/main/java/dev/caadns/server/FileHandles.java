package dev.caadns.server;

import com.sun.management.UnixOperatingSystemMXBean;
import dev.caadns.config.Settings;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
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

    private FileHandles() {
    }

    static void warnIfShort(Settings settings) {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (!(os instanceof UnixOperatingSystemMXBean unix)) {
            return;
        }
        long limit = unix.getMaxFileDescriptorCount();
        long needed = (long) settings.tcpMaxConnections() + settings.managementMaxConnections() + BESIDES_CONNECTIONS;
        if (limit < needed) {
            log.warn("this process may open {} files, but tcp.max-connections ({}) and management.max-connections "
                            + "({}) may need {}: raise the limit (ulimit -n) or lower the caps", limit,
                    settings.tcpMaxConnections(), settings.managementMaxConnections(), needed);
        }
    }
}
