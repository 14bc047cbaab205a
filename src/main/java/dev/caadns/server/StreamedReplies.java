package dev.caadns.server;

import dev.caadns.wire.ReplyStream;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends multi-message replies (zone transfers) on TCP connections. Messages are made on a small pool
 * of threads of their own, so a transfer of a large zone never holds an event loop; a connection
 * reads no further query until its stream is done (RFC 7766 lets a server do so); a stream is
 * parked while the client does not read (the channel is not writable) and resumes when it does.
 */
final class StreamedReplies implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StreamedReplies.class);
    /** Messages one stream sends before giving its thread to another stream. */
    private static final int BATCH = 32;

    private final ExecutorService threads;

    StreamedReplies(int threadCount) {
        AtomicInteger n = new AtomicInteger();
        this.threads = Executors.newFixedThreadPool(threadCount, r -> {
            Thread t = new Thread(r, "caadns-stream-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    /** One stream on one connection. */
    final class Sending {
        private final Channel channel;
        private final ReplyStream stream;
        private final byte[] buffer = new byte[65535];
        private final AtomicBoolean parked = new AtomicBoolean();
        private final AtomicBoolean closed = new AtomicBoolean();
        private final Runnable done;

        private Sending(Channel channel, ReplyStream stream, Runnable done) {
            this.channel = channel;
            this.stream = stream;
            this.done = done;
        }

        /** The channel became writable again: go on if the stream was waiting for it. */
        void writable() {
            if (channel.isWritable() && parked.compareAndSet(true, false)) {
                submit();
            }
        }

        /** The connection is gone: the stream ends on its own thread, never while it makes a message. */
        void inactive() {
            if (parked.compareAndSet(true, false)) {
                submit();
            }
        }

        private void submit() {
            try {
                threads.execute(this::pump);
            } catch (RejectedExecutionException e) {
                finish(false);
                channel.close();
            }
        }

        private void pump() {
            try {
                for (int sent = 0; sent < BATCH; sent++) {
                    if (closed.get() || !channel.isActive()) {
                        finish(false);
                        return;
                    }
                    if (!channel.isWritable()) {
                        parked.set(true);
                        channel.flush();
                        if (!channel.isWritable() || !parked.compareAndSet(true, false)) {
                            return; // writable() resumes
                        }
                    }
                    int length = stream.next(buffer);
                    if (length < 0) {
                        channel.flush();
                        finish(true);
                        channel.eventLoop().execute(() -> {
                            channel.config().setAutoRead(true);
                            done.run();
                        });
                        return;
                    }
                    ByteBuf message = channel.alloc().ioBuffer(length + 2);
                    message.writeShort(length);
                    message.writeBytes(buffer, 0, length);
                    channel.write(message).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
                }
                channel.flush();
                submit();
            } catch (RuntimeException e) {
                log.warn("multi-message reply to {} failed: {}", channel.remoteAddress(), e.toString(), e);
                finish(false);
                channel.close();
            }
        }

        private void finish(boolean complete) {
            if (closed.compareAndSet(false, true)) {
                stream.close(complete);
            }
        }
    }

    /**
     * Starts sending on the channel (called on its event loop); the connection reads nothing more
     * meanwhile. done runs on the event loop once every message is written.
     */
    Sending start(Channel channel, ReplyStream stream, Runnable done) {
        channel.config().setAutoRead(false);
        Sending sending = new Sending(channel, stream, done);
        sending.submit();
        return sending;
    }

    @Override
    public void close() {
        threads.shutdownNow();
        try {
            threads.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
