package dev.caadns.server;

import dev.caadns.answer.QueryProcessor;
import dev.caadns.wire.ReplyStream;
import dev.caadns.wire.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.FastThreadLocal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One DoH exchange (RFC 8484), the same for HTTP/2 streams and HTTP/1.1 requests: the wire query out
 * of a POST body or a GET {@code ?dns=} parameter, the query path's reply bytes back as
 * {@code application/dns-message}, cacheable for the smallest TTL in the answer (§5.1). Everything
 * else is HTTP's own answer: 400, 404, 405, 413, 415.
 */
final class DohRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(DohRequestHandler.class);
    static final int MAX_MESSAGE = 65535;
    private static final AsciiString DNS_MESSAGE = AsciiString.cached("application/dns-message");
    private static final String ALLOWED = "GET, POST";

    private final FastThreadLocal<QueryProcessor> processors;
    private final Optional<String> path;
    /**
     * When the last reply on this HTTP/1.1 connection goes out (System.nanoTime()): a delayed reply
     * must not be overtaken, as HTTP/1.1 answers requests in order. Unused on HTTP/2 (one handler per stream).
     */
    private long lastReplyAt;

    /** @param path the only path answered, or empty for every path */
    DohRequestHandler(FastThreadLocal<QueryProcessor> processors, Optional<String> path) {
        this.processors = processors;
        this.path = path;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (!request.decoderResult().isSuccess()) {
            error(ctx, request, HttpResponseStatus.BAD_REQUEST, "the HTTP request could not be read", true);
            return;
        }
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        if (path.isPresent() && !path.get().equals(uri.path())) {
            error(ctx, request, HttpResponseStatus.NOT_FOUND, "DNS queries go to " + path.get(), false);
            return;
        }
        QueryProcessor processor = processors.get();
        int length;
        if (HttpMethod.POST.equals(request.method())) {
            if (!isDnsMessage(request.headers().get(HttpHeaderNames.CONTENT_TYPE))) {
                error(ctx, request, HttpResponseStatus.UNSUPPORTED_MEDIA_TYPE,
                        "a POST body must be Content-Type: application/dns-message", false);
                return;
            }
            ByteBuf body = request.content();
            length = body.readableBytes();
            body.getBytes(body.readerIndex(), processor.input(), 0, length);
        } else if (HttpMethod.GET.equals(request.method())) {
            List<String> dns = uri.parameters().get("dns");
            if (dns == null || dns.isEmpty()) {
                error(ctx, request, HttpResponseStatus.BAD_REQUEST, "a GET needs ?dns= with the query in base64url", false);
                return;
            }
            String encoded = dns.get(0);
            if (encoded.length() / 4 * 3 + encoded.length() % 4 * 3 / 4 > MAX_MESSAGE) { // its decoded length, unpadded
                error(ctx, request, HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, "a DNS message is at most 65535 bytes", false);
                return;
            }
            try { // straight into the query buffer: no array per query
                length = Base64.getUrlDecoder().decode(encoded.getBytes(StandardCharsets.ISO_8859_1), processor.input());
            } catch (IllegalArgumentException e) {
                error(ctx, request, HttpResponseStatus.BAD_REQUEST, "?dns= is not base64url: " + e.getMessage(), false);
                return;
            }
        } else {
            FullHttpResponse response = plain(request, HttpResponseStatus.METHOD_NOT_ALLOWED, "DoH takes GET and POST");
            response.headers().set(HttpHeaderNames.ALLOW, ALLOWED);
            send(ctx, request, response, 0);
            return;
        }
        int replyLength = processor.process(length, (InetSocketAddress) ctx.channel().remoteAddress(), Transport.DOH,
                request.headers().get(HttpHeaderNames.USER_AGENT));
        if (replyLength < 0) {
            ReplyStream stream = processor.takeStream();
            if (stream != null) {
                stream.close(false);
                error(ctx, request, HttpResponseStatus.BAD_REQUEST,
                        "a reply of several messages (a zone transfer) needs TCP or DoT", false);
            } else if (processor.notAQuery()) {
                error(ctx, request, HttpResponseStatus.BAD_REQUEST, "the body is not a DNS query", false);
            }
            return; // else a fault dropped the reply: the client times out, as it would over UDP
        }
        ByteBuf reply = ctx.alloc().buffer(replyLength).writeBytes(processor.reply(), 0, replyLength);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, reply);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, DNS_MESSAGE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, replyLength);
        long freshness = processor.response().freshnessSeconds();
        if (freshness >= 0) {
            response.headers().set(HttpHeaderNames.CACHE_CONTROL, "max-age=" + freshness);
        }
        send(ctx, request, response, processor.response().delayMillis());
    }

    private static boolean isDnsMessage(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return DNS_MESSAGE.contentEqualsIgnoreCase(type);
    }

    private void error(ChannelHandlerContext ctx, FullHttpRequest request, HttpResponseStatus status, String why,
                       boolean close) {
        FullHttpResponse response = plain(request, status, why);
        if (close) {
            HttpUtil.setKeepAlive(response, false);
        }
        send(ctx, request, response, 0);
    }

    private static FullHttpResponse plain(FullHttpRequest request, HttpResponseStatus status, String why) {
        ByteBuf text = Unpooled.copiedBuffer(why + "\n", StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, text);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.TEXT_PLAIN + "; charset=utf-8")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, text.readableBytes());
        return response;
    }

    /** Writes now or after {@code delayMillis}, never before an earlier reply on this connection. */
    private void send(ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response, int delayMillis) {
        boolean keepAlive = HttpUtil.isKeepAlive(request) && HttpUtil.isKeepAlive(response);
        HttpUtil.setKeepAlive(response, keepAlive);
        long now = System.nanoTime();
        long at = Math.max(now + TimeUnit.MILLISECONDS.toNanos(delayMillis), lastReplyAt);
        lastReplyAt = at;
        Runnable write = () -> {
            var written = ctx.writeAndFlush(response);
            if (ctx.channel().parent() != null) {
                // An HTTP/2 stream's reply would otherwise wait for the end of the connection's read
                // batch and share a TLS record with others; dnsperf (2.10-2.14) loses all but the first
                // DoH reply of a record, so each goes out in its own.
                ctx.channel().parent().flush();
            }
            if (!keepAlive) {
                written.addListener(ChannelFutureListener.CLOSE);
            }
        };
        if (at > now) {
            ctx.executor().schedule(write, at - now, TimeUnit.NANOSECONDS);
        } else {
            write.run();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("DoH connection closed: {}", cause.toString());
        ctx.close();
    }
}
