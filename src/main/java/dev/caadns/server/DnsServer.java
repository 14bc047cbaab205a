package dev.caadns.server;

import dev.caadns.answer.QueryProcessor;
import dev.caadns.wire.Transport;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.FixedRecvByteBufAllocator;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollChannelOption;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.ServerSocketChannel;
import io.netty.channel.socket.SocketProtocolFamily;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.NetUtil;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.concurrent.FastThreadLocal;
import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Netty front end: UDP and TCP on every listen address. With epoll each event loop gets its own
 * UDP socket on the same address (SO_REUSEPORT), so the kernel spreads queries over the cores.
 */
public final class DnsServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DnsServer.class);
    private static final int BIND_ATTEMPTS = 20;
    /** Queries are small; a larger datagram is cut and then fails to parse, which is what it deserves. */
    private static final int UDP_MAX_QUERY = 4096;
    private static final int UDP_BATCH = 16;
    /** Threads making the messages of zone transfers, shared by every connection. */
    private static final int STREAM_THREADS = 2;

    /** What the front end needs to know; the rest (zones, handlers) sits behind the processors. */
    public record Options(List<InetSocketAddress> listen, int workers, StreamLimits tcp,
                          int udpReceiveBuffer, int udpSendBuffer, TlsListeners tls) {
    }

    private final EventLoopGroup group;
    private final boolean epoll;
    private final List<Channel> channels = new ArrayList<>();
    private final List<InetSocketAddress> udpAddresses = new ArrayList<>();
    private final List<InetSocketAddress> tcpAddresses = new ArrayList<>();
    private final List<InetSocketAddress> dotAddresses = new ArrayList<>();
    private final List<InetSocketAddress> dohAddresses = new ArrayList<>();
    private final StreamedReplies streams = new StreamedReplies(STREAM_THREADS);

    private DnsServer(EventLoopGroup group, boolean epoll) {
        this.group = group;
        this.epoll = epoll;
    }

    /** Binds every address; a port of 0 picks one free for both UDP and TCP. */
    public static DnsServer start(Options options, Supplier<QueryProcessor> processors) throws InterruptedException {
        quietLeakDetector();
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        if (!epoll) {
            log.info("epoll not available ({}); using the NIO transport", Epoll.unavailabilityCause().toString());
        }
        DnsServer server = new DnsServer(new MultiThreadIoEventLoopGroup(options.workers(), io), epoll);
        try {
            FastThreadLocal<QueryProcessor> perLoop = new FastThreadLocal<>() {
                @Override
                protected QueryProcessor initialValue() {
                    return processors.get();
                }
            };
            UdpQueryHandler udp = new UdpQueryHandler(perLoop);
            ConnectionLimiter limiter = new ConnectionLimiter(options.tcp().maxConnections());
            for (InetSocketAddress address : options.listen()) {
                server.bindBoth(address, options, udp, limiter, perLoop);
            }
            server.bindEncrypted(options, perLoop);
            return server;
        } catch (RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    /**
     * Netty's leak detector, unless -Dio.netty.leakDetection.level asks for it: by default it wraps
     * one buffer in 128 and records a stack trace at its allocation and release, 2% of the CPU time
     * answering a UDP query took. caadns releases every buffer it is handed in one place
     * (SimpleChannelInboundHandler) and writes each reply once.
     */
    private static void quietLeakDetector() {
        if (System.getProperty("io.netty.leakDetection.level") == null
                && System.getProperty("io.netty.leakDetectionLevel") == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }

    private void bindBoth(InetSocketAddress address, Options options, UdpQueryHandler udp,
                          ConnectionLimiter limiter, FastThreadLocal<QueryProcessor> perLoop)
            throws InterruptedException {
        Exception last = null;
        for (int attempt = 0; attempt < BIND_ATTEMPTS; attempt++) {
            List<Channel> bound = new ArrayList<>();
            try {
                InetSocketAddress udpAddress = bindUdp(address, options, udp, bound);
                InetSocketAddress tcpAddress = bindTcp(udpAddress, options, limiter, perLoop, bound);
                channels.addAll(bound);
                udpAddresses.add(udpAddress);
                tcpAddresses.add(tcpAddress);
                log.info("listening on {} (UDP and TCP)", format(udpAddress));
                return;
            } catch (InterruptedException e) {
                bound.forEach(Channel::close);
                throw e;
            } catch (Exception e) { // Netty's sync() rethrows the bind's IOException undeclared
                bound.forEach(Channel::close);
                last = e;
                if (address.getPort() != 0) {
                    break;
                }
            }
        }
        throw new IllegalStateException("cannot listen on " + format(address) + ": " + last.getMessage(), last);
    }

    private InetSocketAddress bindUdp(InetSocketAddress address, Options options, UdpQueryHandler udp,
                                      List<Channel> bound) throws InterruptedException {
        int sockets = epoll ? options.workers() : 1;
        InetSocketAddress actual = address;
        for (int i = 0; i < sockets; i++) {
            Bootstrap b = new Bootstrap().group(group)
                    .option(ChannelOption.SO_RCVBUF, options.udpReceiveBuffer())
                    .option(ChannelOption.SO_SNDBUF, options.udpSendBuffer())
                    .handler(udp);
            if (epoll) {
                // An IPv4 address gets an IPv4 socket: Netty's default (IPv6 with v4-mapped addresses)
                // takes every datagram through the kernel's IPv6 send and receive paths first.
                boolean ipv4 = address.getAddress() instanceof Inet4Address;
                b.channelFactory(() -> ipv4 ? new EpollDatagramChannel(SocketProtocolFamily.INET)
                        : new EpollDatagramChannel());
                // recvmmsg: one system call reads up to UDP_BATCH datagrams into one large buffer.
                b.option(EpollChannelOption.SO_REUSEPORT, true)
                        .option(EpollChannelOption.MAX_DATAGRAM_PAYLOAD_SIZE, UDP_MAX_QUERY)
                        .option(ChannelOption.RCVBUF_ALLOCATOR,
                                new FixedRecvByteBufAllocator(UDP_MAX_QUERY * UDP_BATCH));
            } else {
                b.channel(NioDatagramChannel.class);
            }
            Channel ch = b.bind(actual).sync().channel();
            bound.add(ch);
            actual = ((DatagramChannel) ch).localAddress();
        }
        return actual;
    }

    private InetSocketAddress bindTcp(InetSocketAddress address, Options options, ConnectionLimiter limiter,
                                      FastThreadLocal<QueryProcessor> perLoop, List<Channel> bound)
            throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap().group(group)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new StreamInitializer(options.tcp(), limiter, ch -> { },
                        () -> new TcpQueryHandler(perLoop, streams, Transport.TCP)));
        Channel ch = b.bind(address).sync().channel();
        bound.add(ch);
        return ((ServerSocketChannel) ch).localAddress();
    }

    /**
     * DoT is TCP's stream handling with TLS under it; DoH is HTTP/2 or HTTP/1.1 under TLS. Each has a
     * connection cap of its own, the size of TCP's. A TLS handshake has a deadline: a client that never
     * finishes it is dropped, and holds nothing meanwhile (the handshake never blocks the event loop).
     */
    private void bindEncrypted(Options options, FastThreadLocal<QueryProcessor> perLoop) throws InterruptedException {
        TlsListeners tls = options.tls();
        ConnectionLimiter dotLimiter = new ConnectionLimiter(options.tcp().maxConnections());
        for (InetSocketAddress address : tls.dot()) {
            dotAddresses.add(bindStream(address, "DoT", new StreamInitializer(options.tcp(), dotLimiter,
                    ch -> ch.pipeline().addLast(handshake(ch, tls.dotContext(), tls)),
                    () -> new TcpQueryHandler(perLoop, streams, Transport.DOT))));
        }
        ConnectionLimiter dohLimiter = new ConnectionLimiter(options.tcp().maxConnections());
        long idleMillis = options.tcp().idleTimeout().toMillis();
        for (InetSocketAddress address : tls.doh()) {
            dohAddresses.add(bindStream(address, "DoH", new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel ch) {
                    ConnectionLimiter.Slot slot = dohLimiter.tryAcquire(ch);
                    if (slot != null) {
                        ch.pipeline().addLast(new IdleStateHandler(0, 0, idleMillis, TimeUnit.MILLISECONDS) {
                            @Override
                            protected void channelIdle(ChannelHandlerContext ctx, IdleStateEvent event) {
                                ctx.close();
                            }
                        }, handshake(ch, tls.dohContext(), tls), new ChannelInboundHandlerAdapter() {
                            // Any request bytes count as use: a busy HTTP/2 connection is never the stalest.
                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                slot.messageCompleted(System.nanoTime());
                                ctx.fireChannelRead(msg);
                            }
                        }, new DohProtocolHandler(perLoop, tls.dohPath()));
                    }
                }
            }));
        }
    }

    private static SslHandler handshake(SocketChannel ch, SslContext context, TlsListeners tls) {
        SslHandler handler = context.newHandler(ch.alloc());
        handler.setHandshakeTimeoutMillis(tls.handshakeTimeout().toMillis());
        return handler;
    }

    private InetSocketAddress bindStream(InetSocketAddress address, String what,
                                         ChannelInitializer<SocketChannel> initializer) throws InterruptedException {
        ServerBootstrap b = new ServerBootstrap().group(group)
                .channel(epoll ? EpollServerSocketChannel.class : NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(initializer);
        try {
            Channel ch = b.bind(address).sync().channel();
            channels.add(ch);
            InetSocketAddress actual = ((ServerSocketChannel) ch).localAddress();
            log.info("listening on {} ({})", format(actual), what);
            return actual;
        } catch (InterruptedException e) {
            throw e;
        } catch (Exception e) { // Netty's sync() rethrows the bind's IOException undeclared
            throw new IllegalStateException("cannot listen on " + format(address) + " (" + what + "): "
                    + e.getMessage(), e);
        }
    }

    public List<InetSocketAddress> dotAddresses() {
        return List.copyOf(dotAddresses);
    }

    public List<InetSocketAddress> dohAddresses() {
        return List.copyOf(dohAddresses);
    }

    public List<InetSocketAddress> udpAddresses() {
        return List.copyOf(udpAddresses);
    }

    public List<InetSocketAddress> tcpAddresses() {
        return List.copyOf(tcpAddresses);
    }

    /**
     * Stops accepting, lets queries in flight finish, then ends the event loops; every wait is
     * bounded, so a stop always completes.
     */
    @Override
    public void close() {
        channels.forEach(ch -> ch.close().awaitUninterruptibly(2, TimeUnit.SECONDS));
        streams.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }

    /** {@code 127.0.0.1:8053} or {@code [::1]:8053}, as addresses are written in the config. */
    public static String format(InetSocketAddress a) {
        String host = a.getAddress() == null ? a.getHostString() : NetUtil.toAddressString(a.getAddress());
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }
}
