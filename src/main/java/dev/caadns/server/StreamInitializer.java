package dev.caadns.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.socket.SocketChannel;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Sets up one connection of a stream transport: its place under the cap, then the transport's own
 * handlers (none for TCP, TLS for DoT), the framer with its timeouts, and the message handler.
 */
final class StreamInitializer extends ChannelInitializer<SocketChannel> {
    private final StreamLimits limits;
    private final ConnectionLimiter limiter;
    private final Consumer<SocketChannel> transport;
    private final Supplier<ChannelHandler> messages;

    StreamInitializer(StreamLimits limits, ConnectionLimiter limiter, Consumer<SocketChannel> transport,
                      Supplier<ChannelHandler> messages) {
        this.limits = limits;
        this.limiter = limiter;
        this.transport = transport;
        this.messages = messages;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        ConnectionLimiter.Slot slot = limiter.tryAcquire(ch);
        if (slot == null) {
            return;
        }
        // A client that sends its queries and then shuts its side still gets every reply.
        ch.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        transport.accept(ch);
        ch.pipeline().addLast(new DnsStreamFramer(limits, slot), messages.get());
    }
}
