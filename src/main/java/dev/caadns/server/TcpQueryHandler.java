package dev.caadns.server;

import dev.caadns.answer.QueryProcessor;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.FastThreadLocal;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each length-framed query on a connection in order (RFC 7766: pipelined queries all get
 * answers); replies are flushed per read batch; an idle connection is closed.
 */
final class TcpQueryHandler extends SimpleChannelInboundHandler<ByteBuf> {
    private static final Logger log = LoggerFactory.getLogger(TcpQueryHandler.class);
    private final FastThreadLocal<QueryProcessor> processors;

    TcpQueryHandler(FastThreadLocal<QueryProcessor> processors) {
        this.processors = processors;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ByteBuf frame) {
        int length = frame.readableBytes();
        QueryProcessor processor = processors.get();
        frame.getBytes(frame.readerIndex(), processor.input(), 0, length);
        int replyLength = processor.process(length, (InetSocketAddress) ctx.channel().remoteAddress(), true);
        if (replyLength < 0) {
            return;
        }
        ByteBuf reply = ctx.alloc().ioBuffer(replyLength + 2);
        reply.writeShort(replyLength);
        reply.writeBytes(processor.reply(), 0, replyLength);
        int delay = processor.response().delayMillis();
        if (delay > 0) {
            // Later replies on this connection may overtake a delayed one: RFC 7766 §7 allows out-of-order replies.
            ctx.executor().schedule(() -> ctx.writeAndFlush(reply, ctx.voidPromise()), delay, TimeUnit.MILLISECONDS);
        } else {
            ctx.write(reply, ctx.voidPromise());
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            ctx.close();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("TCP connection closed: {}", cause.toString());
        ctx.close();
    }
}
