package dev.caadns.zone;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;

/**
 * A zone file's bytes as {@link EntryReader} reads them: either the whole text, or a window that
 * slides over the file as it is read, so the text of a 96 MB zone is never on the heap at once (it
 * was a third of what its parse allocated, and part of a reload's peak beside the old index).
 * Positions are indices into {@link #bytes()}, valid until the next {@link #slide}.
 */
final class ZoneText implements Closeable {
    private static final int WINDOW = 1 << 20;
    /** Reads stay within the JDK's cached temporary direct buffer (the launcher caps it at 256 KiB). */
    private static final int READ = 1 << 18;

    /** Where more text comes from, or null once it is all in {@link #bytes}. */
    private ReadableByteChannel channel;
    private final long size;
    private final long maxBytes;
    private final Runnable overBudget;
    private byte[] bytes;
    private int limit;
    /** The end of the last whole line in {@link #bytes}, or {@link #limit} at the end of the file. */
    private int linesEnd;
    private long read;

    private ZoneText(byte[] bytes, int limit, ReadableByteChannel channel, long size, long maxBytes,
                     Runnable overBudget) {
        this.bytes = bytes;
        this.size = size;
        this.limit = limit;
        this.linesEnd = limit;
        this.channel = channel;
        this.maxBytes = maxBytes;
        this.overBudget = overBudget;
    }

    /** Text already read whole. */
    static ZoneText whole(byte[] text) {
        return new ZoneText(text, text.length, null, text.length, Long.MAX_VALUE, null);
    }

    /**
     * Text read from {@code channel}, a file of {@code size} bytes, as it is needed; {@code
     * overBudget} throws when more than {@code maxBytes} come (a file that grows while it is read).
     */
    static ZoneText streamed(ReadableByteChannel channel, long size, long maxBytes, Runnable overBudget) {
        return new ZoneText(new byte[(int) Math.min(WINDOW, size + 1)], 0, channel, size, maxBytes, overBudget);
    }

    /** The file's size when it was opened. */
    long size() {
        return size;
    }

    byte[] bytes() {
        return bytes;
    }

    /** The end of the text in {@link #bytes()} so far. */
    int limit() {
        return limit;
    }

    /**
     * Where the whole lines read so far end: after the last newline in {@link #bytes()}, or at
     * {@link #limit()} once the file is read to its end.
     */
    int linesEnd() {
        return linesEnd;
    }

    /** Whether {@link #limit()} is the end of the file. */
    boolean atEnd() {
        return channel == null;
    }

    /**
     * Drops the text before {@code keep}, reads on, and says where {@code keep} is now; the window
     * grows when the text from {@code keep} fills it (one long entry). Reads at least one byte, or
     * reaches the end.
     */
    int slide(int keep) throws IOException {
        if (channel == null) {
            return keep;
        }
        int kept = limit - keep;
        if (kept == bytes.length) {
            bytes = Arrays.copyOf(bytes, bytes.length * 2);
        } else {
            System.arraycopy(bytes, keep, bytes, 0, kept);
        }
        limit = kept;
        linesEnd = Math.max(0, linesEnd - keep);
        while (true) {
            int n = channel.read(ByteBuffer.wrap(bytes, limit, Math.min(READ, bytes.length - limit)));
            if (n < 0) {
                close();
                linesEnd = limit;
                return 0;
            }
            read += n;
            limit += n;
            if (read > maxBytes) {
                overBudget.run();
            }
            if (n > 0) {
                for (int p = limit; p > limit - n; p--) { // only the new bytes: a long line costs no rescans
                    if (bytes[p - 1] == '\n') {
                        linesEnd = p;
                        break;
                    }
                }
                return 0;
            }
        }
    }

    @Override
    public void close() throws IOException {
        if (channel != null) {
            channel.close();
            channel = null;
        }
    }
}
