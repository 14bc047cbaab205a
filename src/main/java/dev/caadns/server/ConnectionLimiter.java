package dev.caadns.server;

import io.netty.channel.Channel;
import java.util.HashSet;
import java.util.Set;

/**
 * Caps the open connections of a stream transport (DNS over TCP or TLS, the management API). Over the cap, a new client takes the place of
 * the connection that has gone longest without a complete message, if that is at least
 * {@link #EVICTABLE_AFTER_NANOS} (slow or idle holders cannot lock new clients out: a slowloris
 * only ever holds the slots nobody else asks for); when every connection is busy the new one is
 * closed at once (RFC 7766 §6.2.2).
 */
public final class ConnectionLimiter {
    public static final long EVICTABLE_AFTER_NANOS = 1_000_000_000L;
    private final int max;
    private final Set<Slot> open = new HashSet<>();

    public ConnectionLimiter(int max) {
        this.max = max;
    }

    /** A slot for the new connection, or null when it was closed because every slot is busy. */
    public Slot tryAcquire(Channel ch) {
        Slot slot = new Slot(ch);
        Slot evicted = null;
        synchronized (this) {
            if (open.size() >= max) {
                evicted = stalest(slot.lastMessageNanos);
                if (evicted == null) {
                    ch.close();
                    return null;
                }
                open.remove(evicted);
            }
            open.add(slot);
        }
        if (evicted != null) {
            evicted.channel.close();
        }
        ch.closeFuture().addListener(f -> release(slot));
        return slot;
    }

    private Slot stalest(long now) {
        Slot oldest = null;
        for (Slot s : open) {
            if (oldest == null || s.lastMessageNanos - oldest.lastMessageNanos < 0) {
                oldest = s;
            }
        }
        return oldest != null && now - oldest.lastMessageNanos >= EVICTABLE_AFTER_NANOS ? oldest : null;
    }

    private synchronized void release(Slot slot) {
        open.remove(slot);
    }

    synchronized int openConnections() {
        return open.size();
    }

    /** One connection's place under the cap; its owner reports each complete message. */
    public static final class Slot {
        private final Channel channel;
        private volatile long lastMessageNanos = System.nanoTime();

        private Slot(Channel channel) {
            this.channel = channel;
        }

        public void messageCompleted(long nanos) {
            lastMessageNanos = nanos;
        }
    }
}
