package dev.caadns.server;

import dev.caadns.answer.QueryProcessor;
import dev.caadns.wire.Transport;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.FastThreadLocal;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each datagram; replies are flushed once per read batch, so epoll can send them together.
 * A plain inbound handler, not a SimpleChannelInboundHandler: a datagram channel reads nothing but
 * DatagramPackets, so the reflective type match that class makes per message buys nothing.
 */
@Sharable
final class UdpQueryHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(UdpQueryHandler.class);
    private final FastThreadLocal<QueryProcessor> processors;

    UdpQueryHandler(FastThreadLocal<QueryProcessor> processors) {
        this.processors = processors;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket packet)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        try {
            answer(ctx, packet);
        } finally {
            packet.release();
        }
    }

    private void answer(ChannelHandlerContext ctx, DatagramPacket packet) {
        ByteBuf content = packet.content();
        int length = content.readableBytes();
        QueryProcessor processor = processors.get();
        content.getBytes(content.readerIndex(), processor.input(), 0, length);
        int replyLength = processor.process(length, packet.sender(), Transport.UDP, null);
        if (replyLength < 0) {
            return;
        }
        ByteBuf reply = ctx.alloc().ioBuffer(replyLength);
        reply.writeBytes(processor.reply(), 0, replyLength);
        DatagramPacket datagram = new DatagramPacket(reply, packet.sender());
        int delay = processor.response().delayMillis();
        if (delay > 0) {
            ctx.executor().schedule(() -> ctx.writeAndFlush(datagram, ctx.voidPromise()), delay, TimeUnit.MILLISECONDS);
        } else {
            ctx.write(datagram, ctx.voidPromise());
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // A bad packet must never stop the socket: log and go on serving.
        log.warn("UDP query failed: {}", cause.toString(), cause);
    }
}
