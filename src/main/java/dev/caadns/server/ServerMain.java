package dev.caadns.server;

import dev.caadns.config.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Placeholder until the server is wired: the lead replaces this class. */
public final class ServerMain {

    private static final Logger LOG = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    /** Runs the server until it stops; returns the process exit code. */
    public static int run(Settings settings) {
        LOG.error("server not wired yet");
        return 1;
    }
}
