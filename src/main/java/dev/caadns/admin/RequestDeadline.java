package dev.caadns.admin;

import dev.caadns.server.ConnectionLimiter;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes an API connection that has gone the idle timeout without a whole request since it opened
 * or since its last reply. Bytes trickling in do not count: only complete requests do, so neither
 * an idle keep-alive nor a request sent a byte at a time can hold a connection.
 */
final class RequestDeadline extends ChannelDuplexHandler {
    private final long timeoutNanos;
    private final ConnectionLimiter.Slot slot;
    private long lastActivity = System.nanoTime();
    private ScheduledFuture<?> timer;

    RequestDeadline(Duration timeout, ConnectionLimiter.Slot slot) {
        this.timeoutNanos = timeout.toNanos();
        this.slot = slot;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        schedule(ctx, timeoutNanos);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        timer.cancel(false);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest) {
            lastActivity = System.nanoTime();
            slot.messageCompleted(lastActivity);
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        lastActivity = System.nanoTime();
        ctx.write(msg, promise);
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        timer = ctx.executor().schedule(() -> expire(ctx), Math.max(delayNanos, 1), TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        long left = lastActivity + timeoutNanos - System.nanoTime();
        if (left <= 0) {
            ctx.close();
        } else {
            schedule(ctx, left);
        }
    }
}
