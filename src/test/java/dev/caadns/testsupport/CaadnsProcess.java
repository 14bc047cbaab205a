package dev.caadns.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Name;

/**
 * caadns as a child process, a JVM of its own run from the test class path, for what only a real
 * process shows: signals and exit codes. It answers on a free loopback port, without the
 * management API; signals go to its PID with {@code kill -s}.
 */
public final class CaadnsProcess implements AutoCloseable {
    private final Process process;
    private final ServerProcess server;
    private final Path log;

    private CaadnsProcess(Process process, ServerProcess server, Path log) {
        this.process = process;
        this.server = server;
        this.log = log;
    }

    /** Starts {@code caadns serve ARGS --listen 127.0.0.1:PORT --management ""} and returns at once. */
    public static CaadnsProcess serve(Path workDir, String... args) {
        int port = FreePorts.udpAndTcp();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.caadns.cli.Main", "serve"));
        command.addAll(List.of(args));
        command.addAll(List.of("--listen", "127.0.0.1:" + port, "--management", ""));
        Path log = workDir.resolve("caadns.log");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
        return new CaadnsProcess(process, ServerProcess.watch("caadns", process, address, log), log);
    }

    /** Returns once it answers SOA for {@code zone}; fails with its log if it exits first. */
    public void awaitAnswer(Name zone) {
        server.awaitAnswer(zone);
    }

    public InetSocketAddress address() {
        return server.udp();
    }

    /** {@code kill -s NAME PID}. */
    public void signal(String name) {
        try {
            Process kill = new ProcessBuilder("kill", "-s", name, String.valueOf(process.pid()))
                    .inheritIO().start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill -s " + name + " " + process.pid() + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, waiting at most {@code timeout}; fails with the log if it is still running. */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("caadns still running after " + timeout + "; log:\n" + log());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return process.exitValue();
    }

    public String log() {
        return server.logText();
    }

    @Override
    public void close() {
        server.close();
    }
}
