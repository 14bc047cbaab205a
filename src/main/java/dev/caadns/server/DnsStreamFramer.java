package dev.caadns.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Cuts a DNS byte stream (TCP, or DoT under TLS) into messages by their two-byte length prefix
 * (RFC 1035 §4.2.2; every length 0-65535 is legal) and keeps the connection to its limits with
 * one timer:
 * <ul>
 * <li>a message must arrive whole within the message timeout of its first byte, however slowly
 *     the bytes trickle in (a byte every few seconds must not hold the connection: slowloris);</li>
 * <li>a connection with no message in progress and no reply owed closes after the idle timeout;</li>
 * <li>a client that stops reading stops being read (no reply piles up in memory), and is closed
 *     when it has not drained its replies within the message timeout.</li>
 * </ul>
 * Replies already written are flushed before any close, and a client that half-closes gets the
 * replies it is owed (a fault's delayed ones included) before the server closes its side.
 */
public final class DnsStreamFramer extends ByteToMessageDecoder {
    private static final long HALF_CLOSED_POLL_NANOS = 50_000_000L;
    private final long idleNanos;
    private final long messageNanos;
    private final ConnectionLimiter.Slot slot;
    private long lastActivity = System.nanoTime();
    private long partialSince;
    private long unwritableSince;
    private int repliesOwed;
    private boolean pausedReading;
    private boolean inputShut;
    private ScheduledFuture<?> timer;
    private ChannelHandlerContext context;

    DnsStreamFramer(StreamLimits limits, ConnectionLimiter.Slot slot) {
        this.idleNanos = limits.idleTimeout().toNanos();
        this.messageNanos = limits.messageTimeout().toNanos();
        this.slot = slot;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        while (in.readableBytes() >= 2) {
            int length = in.getUnsignedShort(in.readerIndex());
            if (in.readableBytes() < length + 2) {
                return;
            }
            in.skipBytes(2);
            out.add(in.readRetainedSlice(length));
            lastActivity = System.nanoTime();
            slot.messageCompleted(lastActivity);
        }
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) throws Exception {
        this.context = ctx;
        if (ctx.channel().isActive()) {
            startTimer();
        }
        super.handlerAdded(ctx);
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        startTimer();
        super.channelActive(ctx);
    }

    private void startTimer() {
        if (timer == null) {
            schedule(idleNanos);
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        super.channelRead(ctx, msg);
        if (internalBuffer().isReadable()) {
            if (partialSince == 0) {
                partialSince = System.nanoTime();
                rescheduleSooner();
            }
        } else {
            partialSince = 0;
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) throws Exception {
        boolean writable = ctx.channel().isWritable();
        unwritableSince = writable ? 0 : System.nanoTime();
        if (!writable) {
            rescheduleSooner();
            // Reading was already off while a multi-message reply is sent: that stream resumes it.
            pausedReading = ctx.channel().config().isAutoRead();
            ctx.channel().config().setAutoRead(false);
        } else if (pausedReading) {
            pausedReading = false;
            ctx.channel().config().setAutoRead(true);
        }
        super.channelWritabilityChanged(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        super.userEventTriggered(ctx, evt);
        if (evt instanceof ChannelInputShutdownEvent) {
            inputShut = true;
            closeWhenNothingOwed();
        }
    }

    @Override
    protected void handlerRemoved0(ChannelHandlerContext ctx) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** A reply will be written later (a fault's delay): the connection stays open for it. */
    void replyDeferred() {
        repliesOwed++;
    }

    /** A deferred reply was written. */
    void deferredReplyWritten() {
        repliesOwed--;
        lastActivity = System.nanoTime();
        closeWhenNothingOwed();
    }

    private void closeWhenNothingOwed() {
        if (inputShut && !owesReplies()) {
            flushAndClose(context);
        }
    }

    /** A deferred reply is due, or a multi-message reply is on its way (it keeps reading off). */
    private boolean owesReplies() {
        return repliesOwed > 0 || !context.channel().config().isAutoRead();
    }

    /** A message deadline began; the timer may be set for the later idle deadline. */
    private void rescheduleSooner() {
        if (timer != null && timer.getDelay(TimeUnit.NANOSECONDS) > messageNanos) {
            timer.cancel(false);
            schedule(messageNanos);
        }
    }

    private void schedule(long delayNanos) {
        timer = context.executor().schedule(this::expire, Math.max(delayNanos, 1), TimeUnit.NANOSECONDS);
    }

    private void expire() {
        if (!context.channel().isOpen()) {
            return;
        }
        long now = System.nanoTime();
        long left = deadline() - now;
        if (left <= 0 || inputShut && !owesReplies()) {
            flushAndClose(context);
        } else {
            schedule(left);
        }
    }

    private long deadline() {
        if (unwritableSince != 0) {
            return unwritableSince + messageNanos;
        }
        if (partialSince != 0) {
            return partialSince + messageNanos;
        }
        if (owesReplies()) {
            // The client has gone quiet for good: look again soon, to close once the replies are out.
            return System.nanoTime() + (inputShut ? HALF_CLOSED_POLL_NANOS : idleNanos);
        }
        return lastActivity + idleNanos;
    }

    static void flushAndClose(ChannelHandlerContext ctx) {
        ctx.flush();
        ctx.close();
    }
}
