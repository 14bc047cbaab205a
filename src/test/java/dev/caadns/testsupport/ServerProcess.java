package dev.caadns.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * A peer name server run as a child process on one loopback port: started, waited for until it
 * answers, stopped by PID (with every process it forked). Shared by {@link KnotServer} and
 * {@link NsdServer} so neither repeats the process handling.
 */
final class ServerProcess implements DnsTarget {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration POLL_WAIT = Duration.ofMillis(200);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final Process process;
    private final InetSocketAddress address;
    private final Path log;

    private ServerProcess(String name, Process process, InetSocketAddress address, Path log) {
        this.name = name;
        this.process = process;
        this.address = address;
        this.log = log;
    }

    /** Starts {@code command}, output to {@code log}, and returns once it answers SOA for {@code probeZone}. */
    static ServerProcess start(String name, List<String> command, int port, Path log, Name probeZone) {
        return start(name, command, port, log, Queries.query(0x5eed, probeZone, Type.SOA));
    }

    /** Starts {@code command} and returns once it answers {@code probe} with NOERROR (a resolver needs RD set). */
    static ServerProcess start(String name, List<String> command, int port, Path log, org.xbill.DNS.Message probe) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
        ServerProcess server = watch(name, process,
                new InetSocketAddress(InetAddress.getLoopbackAddress(), port), log);
        try {
            server.awaitAnswer(probe);
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    /** A process already started, answering (eventually) on {@code address}, its output in {@code log}. */
    static ServerProcess watch(String name, Process process, InetSocketAddress address, Path log) {
        return new ServerProcess(name, process, address, log);
    }

    void awaitAnswer(Name probeZone) {
        awaitAnswer(Queries.query(0x5eed, probeZone, Type.SOA));
    }

    private void awaitAnswer(org.xbill.DNS.Message probeQuery) {
        DnsTestClient client = new DnsTestClient();
        byte[] probe = probeQuery.toWire();
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; log:\n" + logText());
            }
            byte[] reply = client.udpRaw(address, probe, POLL_WAIT);
            if (reply != null && DnsTestClient.parse(reply).getRcode() == Rcode.NOERROR) {
                return;
            }
            sleep(POLL_WAIT);
        }
        throw new IllegalStateException(name + " did not answer " + probeQuery.getQuestion() + " within " + START_TIMEOUT
                + "; log:\n" + logText());
    }

    String logText() {
        try {
            return Files.exists(log) ? Files.readString(log) : "(no log)";
        } catch (IOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public InetSocketAddress udp() {
        return address;
    }

    @Override
    public InetSocketAddress tcp() {
        return address;
    }

    @Override
    public String name() {
        return name;
    }

    /** Stops the server and anything it forked (NSD runs its workers as children), by PID. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        waitFor(process.toHandle());
        children.forEach(ServerProcess::stop);
    }

    private static void stop(ProcessHandle handle) {
        handle.destroy();
        waitFor(handle);
    }

    private static void waitFor(ProcessHandle handle) {
        try {
            handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notYet) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception ignored) {
                // nothing more a test can do after SIGKILL
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a name server", e);
        }
    }
}
