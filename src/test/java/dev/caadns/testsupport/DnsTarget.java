package dev.caadns.testsupport;

import java.net.InetSocketAddress;

/** A DNS server reachable on loopback that a test can query; closing it stops the server. */
public interface DnsTarget extends AutoCloseable {
    InetSocketAddress udp();

    InetSocketAddress tcp();

    /** Short label for reports, e.g. "knot" or "nsd". */
    String name();

    @Override
    void close();
}
