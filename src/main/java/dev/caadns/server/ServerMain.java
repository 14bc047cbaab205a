package dev.caadns.server;

import dev.caadns.config.ConfigError;
import dev.caadns.config.Settings;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * {@code caadns serve}: start, reload on SIGHUP, stop cleanly (exit 0) on SIGINT or SIGTERM.
 * The JVM's own handlers would end the process with 128 + the signal, SIGHUP included, so ours
 * are installed before anything else ({@link #takeSignals}) and a SIGHUP that comes while the
 * server is starting is held and acted on once it serves.
 */
public final class ServerMain {
    private static final CountDownLatch stopRequested = new CountDownLatch(1);
    private static final AtomicBoolean hangupWhileStarting = new AtomicBoolean();
    private static volatile CaadnsServer serving;
    /**
     * Set as the DNS listeners are bound (they may answer before the start returns): from then on a
     * stop waits for the rest of the start, then stops cleanly.
     */
    private static volatile boolean answering;

    private ServerMain() {
    }

    /**
     * Takes SIGHUP, SIGINT and SIGTERM from the JVM. Call it first thing in {@code main}: it loads
     * nothing else (logging starts only when a signal comes), so the window in which a signal
     * still gets the JVM's default is the JVM's own start.
     */
    public static void takeSignals() {
        Signal.handle(new Signal("HUP"), signal -> hangup());
        Signal.handle(new Signal("TERM"), signal -> stop("SIGTERM"));
        Signal.handle(new Signal("INT"), signal -> stop("SIGINT"));
    }

    /** Whether {@link #run} has started the server in full, its plugins' services included. */
    public static boolean serving() {
        return serving != null;
    }

    /** Runs the server until the process is told to stop; returns the exit code. */
    public static int run(Settings settings, List<Plugin> plugins) {
        takeSignals();
        CaadnsServer server;
        try {
            server = CaadnsServer.start(settings, plugins, () -> answering = true);
        } catch (CaadnsServer.StartupException e) {
            log().error("cannot start: {}", e.getMessage());
            return e.getCause() instanceof ConfigError ? 2 : 1;
        }
        serving = server;
        if (hangupWhileStarting.getAndSet(false)) {
            reloadInBackground(server);
        }
        try {
            stopRequested.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        return 0;
    }

    private static void hangup() {
        CaadnsServer server = serving;
        if (server == null) {
            hangupWhileStarting.set(true);
            log().info("SIGHUP while starting: the zones are reloaded once the server is up");
        } else {
            reloadInBackground(server);
        }
    }

    private static void stop(String signal) {
        if (!answering) {
            log().info("{} while starting: stopping", signal);
            System.exit(0);
        }
        log().info("{}: stopping", signal);
        stopRequested.countDown();
    }

    private static void reloadInBackground(CaadnsServer server) {
        new Thread(() -> reload(server), "caadns-reload").start();
    }

    private static void reload(CaadnsServer server) {
        log().info("SIGHUP: reloading zones");
        try {
            server.reload();
        } catch (java.io.IOException | RuntimeException e) {
            log().error("reload failed, still serving the previous zones: {}", e.getMessage());
        }
    }

    /** Looked up when needed: starting logging is not something to do before the signals are ours. */
    private static Logger log() {
        return LoggerFactory.getLogger(ServerMain.class);
    }
}
