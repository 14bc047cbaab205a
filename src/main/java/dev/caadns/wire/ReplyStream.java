package dev.caadns.wire;

/**
 * A reply of several messages (a zone transfer over TCP). A handler that answers this way sets it on
 * the {@link Response} instead of filling the sections; the TCP transport then pulls the messages one
 * at a time on a thread of its own, never an event loop, and only while the client keeps reading.
 */
public interface ReplyStream {
    /**
     * Writes the next message into out (up to 65535 bytes) and returns its length, or -1 when every
     * message has been written.
     */
    int next(byte[] out);

    /** Called once when the transport is done with the stream: complete, or cut short (client gone, error). */
    void close(boolean complete);
}
