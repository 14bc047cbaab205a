package dev.caadns.server;

import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/** {@code caadns serve}: start, reload on SIGHUP, stop cleanly on SIGINT or SIGTERM. */
public final class ServerMain {
    private static final Logger log = LoggerFactory.getLogger(ServerMain.class);

    private ServerMain() {
    }

    /** Runs the server until the process is told to stop; returns the exit code. */
    public static int run(Settings settings, List<Plugin> plugins) {
        CaadnsServer server;
        try {
            server = CaadnsServer.start(settings, plugins);
        } catch (CaadnsServer.StartupException e) {
            log.error("cannot start: {}", e.getMessage());
            return e.getCause() instanceof ConfigError ? 2 : 1;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "caadns-shutdown"));
        Signal.handle(new Signal("HUP"), signal -> new Thread(() -> reload(server), "caadns-reload").start());
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    private static void reload(CaadnsServer server) {
        log.info("SIGHUP: reloading zones");
        try {
            server.reload();
        } catch (java.io.IOException | RuntimeException e) {
            log.error("reload failed, still serving the previous zones: {}", e.getMessage());
        }
    }
}
