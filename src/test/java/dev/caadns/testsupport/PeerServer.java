package dev.caadns.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/** A name server from another project run as a child process; the subclasses only write its config. */
abstract class PeerServer implements DnsTarget {
    private final ServerProcess process;

    PeerServer(ServerProcess process) {
        this.process = process;
    }

    static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public InetSocketAddress udp() {
        return process.udp();
    }

    @Override
    public InetSocketAddress tcp() {
        return process.tcp();
    }

    @Override
    public String name() {
        return process.name();
    }

    @Override
    public void close() {
        process.close();
    }
}
