package dev.caadns.server;

import io.netty.handler.ssl.SslContext;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The DoT and DoH listeners and what they present: TLS contexts from {@link dev.caadns.server.tls.TlsMaterial}.
 *
 * @param dohPath the only URL path DoH answers, or empty for every path
 */
public record TlsListeners(List<InetSocketAddress> dot, List<InetSocketAddress> doh, SslContext dotContext,
                           SslContext dohContext, Duration handshakeTimeout, Optional<String> dohPath) {
    /** No encrypted listener. */
    public static final TlsListeners NONE = new TlsListeners(List.of(), List.of(), null, null, Duration.ZERO,
            Optional.empty());

    public boolean any() {
        return !dot.isEmpty() || !doh.isEmpty();
    }
}
