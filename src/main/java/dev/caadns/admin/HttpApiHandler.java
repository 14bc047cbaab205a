package dev.caadns.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns one HTTP request into an endpoint call: browser checks (403, 415), token check, routing (404, 405), errors as JSON
 * {@code {"error": "..."}}. Runs on the management event loop, never on a DNS one.
 */
@Sharable
final class HttpApiHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final Logger log = LoggerFactory.getLogger(HttpApiHandler.class);

    private final Router router;
    private final ObjectMapper json;
    /** The bearer token required on every request, or null when the API is open (loopback only). */
    private final byte[] token;
    private final BrowserGuard browsers;

    /** Paths with credentials of their own (lego's httpreq basic auth), which stand for the token there. */
    private final Map<String, byte[]> pathCredentials;

    HttpApiHandler(Router router, ObjectMapper json, String token, Map<String, String> pathCredentials,
                   BrowserGuard browsers) {
        this.router = router;
        this.browsers = browsers;
        this.json = json;
        this.token = token.isEmpty() ? null : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
        this.pathCredentials = new java.util.HashMap<>();
        pathCredentials.forEach((path, value) -> this.pathCredentials.put(path, value.getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        ApiResponse response;
        String allow = null;
        try {
            if (!request.decoderResult().isSuccess()) {
                throw ApiException.badRequest("malformed HTTP request");
            }
            browsers.check(request);
            QueryStringDecoder uri = decode(request.uri());
            checkToken(request, uri.path());
            Router.Match match = router.match(request.method().name(), uri.path());
            if (match.endpoint() == null) {
                if (match.allowed().isEmpty()) {
                    throw ApiException.notFound("no such endpoint: " + uri.path());
                }
                allow = String.join(", ", match.allowed());
                throw new ApiException(405, request.method().name() + " is not allowed here; use " + allow);
            }
            response = match.endpoint().apply(new ApiRequest(match.variables(), uri.parameters(),
                    ByteBufUtil.getBytes(request.content()), json));
        } catch (ApiException e) {
            response = error(e);
        } catch (RuntimeException e) {
            log.error("management request {} {} failed", request.method(), request.uri(), e);
            response = error(new ApiException(500, "internal error: " + e.getClass().getSimpleName()));
        }
        write(ctx, request, response, allow);
    }

    /** The path and parameters, decoded now so a bad percent-encoding is the client's 400. */
    private static QueryStringDecoder decode(String text) {
        QueryStringDecoder uri = new QueryStringDecoder(text);
        try {
            uri.path();
            uri.parameters();
            return uri;
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("bad percent-encoding in the request URI \"" + text + "\""
                    + ": a % must be followed by two hex digits, and the bytes must be UTF-8");
        }
    }

    private void checkToken(FullHttpRequest request, String path) {
        String given = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        byte[] own = pathCredentials.get(path);
        if (own != null) {
            if (given == null || !MessageDigest.isEqual(own, given.getBytes(StandardCharsets.UTF_8))) {
                throw new ApiException(401, "missing or wrong credentials (HTTP basic auth, management.httpreq)");
            }
            return;
        }
        if (token == null) {
            return;
        }
        if (given == null || !MessageDigest.isEqual(token, given.getBytes(StandardCharsets.UTF_8))) {
            throw new ApiException(401, "missing or wrong bearer token (Authorization: Bearer ...)");
        }
    }

    private ApiResponse error(ApiException e) {
        ObjectNode body = json.createObjectNode().put("error", e.getMessage());
        if (e.details() != null) {
            body.set("details", json.valueToTree(e.details()));
        }
        return ApiResponse.json(e.status(), body.toString());
    }

    private static void write(ChannelHandlerContext ctx, FullHttpRequest request, ApiResponse response, String allow) {
        FullHttpResponse http = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()), Unpooled.wrappedBuffer(response.body()));
        http.headers().set(HttpHeaderNames.CONTENT_TYPE, response.contentType());
        HttpUtil.setContentLength(http, response.body().length);
        if (response.status() == 401) {
            http.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer");
        }
        if (allow != null) {
            http.headers().set(HttpHeaderNames.ALLOW, allow);
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(http, keepAlive);
        if (keepAlive) {
            ctx.writeAndFlush(http, ctx.voidPromise());
        } else {
            ctx.writeAndFlush(http).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("management connection closed: {}", cause.toString());
        ctx.close();
    }
}
