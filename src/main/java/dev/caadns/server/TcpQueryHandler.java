package dev.caadns.server;

import dev.caadns.answer.QueryProcessor;
import dev.caadns.wire.ReplyStream;
import dev.caadns.wire.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.util.concurrent.FastThreadLocal;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each length-framed query on a connection in order (RFC 7766: pipelined queries all get
 * answers); replies are flushed per read batch (framing and timeouts are {@link DnsStreamFramer}'s). A reply of several
 * messages (a zone transfer) goes to {@link StreamedReplies}; queries that arrive meanwhile wait for
 * it, so two streams never interleave.
 */
final class TcpQueryHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private static final Logger log = LoggerFactory.getLogger(TcpQueryHandler.class);
    private final FastThreadLocal<QueryProcessor> processors;
    private final StreamedReplies streams;
    private final Transport transport;
    private final ArrayDeque<ByteBuf> waiting = new ArrayDeque<>();
    private StreamedReplies.Sending sending;

    /** @param transport TCP, or DoT when a TLS handler sits below this one */
    TcpQueryHandler(FastThreadLocal<QueryProcessor> processors, StreamedReplies streams, Transport transport) {
        this.processors = processors;
        this.streams = streams;
        this.transport = transport;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        if (sending != null) {
            waiting.add(frame.retain());
            return;
        }
        answer(ctx, frame);
    }

    private void answer(ChannelHandlerContext ctx, ByteBuf frame) {
        int length = frame.readableBytes();
        QueryProcessor processor = processors.get();
        frame.getBytes(frame.readerIndex(), processor.input(), 0, length);
        int replyLength = processor.process(length, (InetSocketAddress) ctx.channel().remoteAddress(), transport, null);
        if (replyLength < 0) {
            ReplyStream stream = processor.takeStream();
            if (stream != null) {
                ctx.flush();
                sending = streams.start(ctx.channel(), stream, () -> streamDone(ctx));
            }
            return;
        }
        ByteBuf reply = ctx.alloc().ioBuffer(replyLength + 2);
        reply.writeShort(replyLength);
        reply.writeBytes(processor.reply(), 0, replyLength);
        int delay = processor.response().delayMillis();
        if (delay > 0) {
            // Later replies on this connection may overtake a delayed one: RFC 7766 §7 allows out-of-order replies.
            DnsStreamFramer framer = ctx.pipeline().get(DnsStreamFramer.class);
            framer.replyDeferred();
            ctx.executor().schedule(() -> {
                ctx.writeAndFlush(reply, ctx.voidPromise());
                framer.deferredReplyWritten();
            }, delay, TimeUnit.MILLISECONDS);
        } else {
            ctx.write(reply, ctx.voidPromise());
        }
    }

    /** On the event loop: answers what arrived during the stream, until one of those starts another. */
    private void streamDone(ChannelHandlerContext ctx) {
        sending = null;
        while (sending == null && !waiting.isEmpty()) {
            ByteBuf frame = waiting.poll();
            try {
                answer(ctx, frame);
            } finally {
                frame.release();
            }
        }
        ctx.flush();
        if (sending == null) {
            ctx.read();
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (sending != null) {
            sending.writable();
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (sending != null) {
            sending.inactive();
        }
        waiting.forEach(ByteBuf::release);
        waiting.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("{} connection closed: {}", transport.label(), cause.toString());
        DnsStreamFramer.flushAndClose(ctx);
    }
}
