package dev.caadns.server;

import dev.caadns.answer.QueryProcessor;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http2.Http2FrameCodecBuilder;
import io.netty.handler.codec.http2.Http2MultiplexHandler;
import io.netty.handler.codec.http2.Http2Settings;
import io.netty.handler.codec.http2.Http2StreamFrameToHttpObjectCodec;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.ApplicationProtocolNegotiationHandler;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the TLS handshake, sets up HTTP/2 or HTTP/1.1 as ALPN chose (HTTP/1.1 when the client
 * offered neither). Both end in the same {@link DohRequestHandler}; HTTP/2 runs one per stream.
 */
final class DohProtocolHandler extends ApplicationProtocolNegotiationHandler {
    private static final Logger log = LoggerFactory.getLogger(DohProtocolHandler.class);
    /** Room for a GET whose ?dns= carries the largest DNS message in base64url. */
    private static final int MAX_REQUEST_HEAD = 96 * 1024;
    private static final int MAX_CONCURRENT_STREAMS = 100;

    /** Stateless (@Sharable): one for every stream, not one per stream. */
    private static final Http2StreamFrameToHttpObjectCodec STREAM_CODEC = new Http2StreamFrameToHttpObjectCodec(true);

    private final FastThreadLocal<QueryProcessor> processors;
    private final Optional<String> path;

    DohProtocolHandler(FastThreadLocal<QueryProcessor> processors, Optional<String> path) {
        super(ApplicationProtocolNames.HTTP_1_1);
        this.processors = processors;
        this.path = path;
    }

    @Override
    protected void configurePipeline(ChannelHandlerContext ctx, String protocol) {
        ChannelPipeline pipeline = ctx.pipeline();
        if (ApplicationProtocolNames.HTTP_2.equals(protocol)) {
            Http2Settings settings = Http2Settings.defaultSettings()
                    .maxConcurrentStreams(MAX_CONCURRENT_STREAMS).maxHeaderListSize(MAX_REQUEST_HEAD);
            pipeline.addLast(Http2FrameCodecBuilder.forServer().initialSettings(settings).build(),
                    new Http2MultiplexHandler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel stream) {
                            stream.pipeline().addLast(STREAM_CODEC,
                                    new HttpObjectAggregator(DohRequestHandler.MAX_MESSAGE),
                                    new DohRequestHandler(processors, path));
                        }
                    }));
        } else {
            pipeline.addLast(new HttpServerCodec(MAX_REQUEST_HEAD, MAX_REQUEST_HEAD, DohRequestHandler.MAX_MESSAGE),
                    new HttpObjectAggregator(DohRequestHandler.MAX_MESSAGE),
                    new DohRequestHandler(processors, path));
        }
    }

    @Override
    protected void handshakeFailure(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("DoH TLS handshake failed: {}", cause.toString());
        ctx.close();
    }
}
