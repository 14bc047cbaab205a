package dev.caadns.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.caadns.server.ConnectionLimiter;
import dev.caadns.server.DnsServer;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The management HTTP server on Netty's HTTP codec, on one thread of its own: slow calls (a reload)
 * never hold up a DNS event loop. Its connections are capped and timed out, so the API can never
 * take the file handles DNS over TCP needs.
 */
public final class ManagementServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(ManagementServer.class);
    private static final int MAX_BODY = 1 << 20;

    private final EventLoopGroup group;
    private final Channel channel;

    private ManagementServer(EventLoopGroup group, Channel channel) {
        this.group = group;
        this.channel = channel;
    }

    /** Listens on {@code settings.listen()}, which must be present. */
    static ManagementServer start(LabSettings settings, Router router, ObjectMapper json) throws InterruptedException {
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        Map<String, String> httpreq = new HashMap<>();
        if (!settings.httpreqAuthorization().isEmpty()) {
            HttpreqEndpoints.PATHS.forEach(path -> httpreq.put(path, settings.httpreqAuthorization()));
        }
        HttpApiHandler api = new HttpApiHandler(router, json, settings.token(), httpreq,
                new BrowserGuard(settings.hosts()));
        ConnectionLimiter limiter = new ConnectionLimiter(settings.maxConnections());
        try {
            Channel channel = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ConnectionLimiter.Slot slot = limiter.tryAcquire(ch);
                            if (slot == null) {
                                return;
                            }
                            ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(MAX_BODY),
                                    new RequestDeadline(settings.idleTimeout(), slot), api);
                        }
                    })
                    .bind(settings.listen().get()).sync().channel();
            ManagementServer server = new ManagementServer(group, channel);
            InetSocketAddress bound = server.address();
            log.info("management API on http://{}", DnsServer.format(bound));
            return server;
        } catch (InterruptedException e) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw e;
        } catch (Exception e) { // Netty's sync() rethrows the bind's IOException undeclared
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("cannot listen on " + DnsServer.format(settings.listen().get()) + ": "
                    + e.getMessage(), e);
        }
    }

    public InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    /** Bounded, so a stop (SIGTERM) always completes even if the event loop is gone. */
    @Override
    public void close() {
        channel.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
