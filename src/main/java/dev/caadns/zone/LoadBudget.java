package dev.caadns.zone;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * What reading one zone may spend ({@link LoadOptions}): files and bytes read through
 * {@code $INCLUDE}, names made by {@code $GENERATE}, records, and time. A file that is hostile
 * or just careless (an include fan-out, {@code $INCLUDE /dev/zero}, 200 {@code $GENERATE} lines)
 * stops at the first limit it crosses with a finding, instead of running for minutes or filling
 * the heap.
 */
final class LoadBudget {
    /** Checked every this many entries, so the clock costs nothing per record. */
    private static final int CLOCK_EVERY = 1024;
    private static final int CHUNK = 1 << 20;

    /** The load stops here: the zone gets this finding and nothing of it is served. */
    static final class Exceeded extends RuntimeException {
        final String file;
        final int line;
        final String hint;

        Exceeded(String file, int line, String message, String hint) {
            super(message);
            this.file = file;
            this.line = line;
            this.hint = hint;
        }
    }

    /** A file that is no regular file, or changes while it is read (/proc, /sys): not read. */
    static final class NotARegularFile extends IOException {
        NotARegularFile(String message) {
            super(message);
        }
    }

    private final LoadOptions options;
    private final long deadline;
    private long bytes;
    private int includes;
    private long generated;
    private int entries;

    LoadBudget(LoadOptions options) {
        this.options = options;
        this.deadline = System.nanoTime() + options.loadTimeout().toNanos();
    }

    /**
     * The zone file itself: streamed when it is a regular file, whose size is checked against the
     * budget first; else (a named pipe) read whole by {@link #read}.
     */
    ZoneText open(Path file, String where) throws IOException {
        if (!Files.isRegularFile(file)) {
            return ZoneText.whole(read(file, false, where, 0));
        }
        FileChannel channel = FileChannel.open(file);
        long size = channel.size();
        if (size > options.maxBytes()) {
            channel.close();
            throw tooLarge(file, where, 0);
        }
        bytes += size;
        return ZoneText.streamed(channel, size, options.maxBytes(), () -> {
            throw tooLarge(file, where, 0);
        });
    }

    private Exceeded tooLarge(Path file, String where, int line) {
        return new Exceeded(where, line, "zone file " + file + " is larger than the budget of "
                + options.maxBytes() + " bytes", "split the zone or raise zone-files.max-bytes");
    }

    /**
     * Reads a zone file or an included one, whole, within the byte budget. The zone file itself is
     * what the operator configured (a named pipe included); an included one must be a regular file.
     */
    byte[] read(Path file, boolean included, String where, int line) throws IOException {
        if (!included) {
            byte[] text = readAtMost(file, options.maxBytes() + 1);
            if (text.length > options.maxBytes()) {
                throw tooLarge(file, where, line);
            }
            bytes += text.length;
            return text;
        }
        if (!Files.isRegularFile(file)) {
            throw new NotARegularFile(file + " is not a regular file (a device, FIFO or folder)");
        }
        if (++includes > options.maxIncludeFiles()) {
            throw new Exceeded(where, line, "$INCLUDE " + file + ": more than " + options.maxIncludeFiles()
                    + " included files read for this zone", "include fewer files (each read counts, also a file"
                    + " read twice) or raise zone-files.include-files");
        }
        long size = Files.size(file);
        if (bytes + size > options.maxBytes()) {
            throw new Exceeded(where, line, "$INCLUDE " + file + ": reading its "
                    + size + " bytes would pass the budget of " + options.maxBytes() + " bytes for this zone",
                    "split the zone or raise zone-files.max-bytes");
        }
        byte[] text = readAtMost(file, size + 1);
        if (text.length != size) {
            throw new NotARegularFile(file + " is not a regular file (it reads as " + (text.length > size
                    ? "more" : "less") + " than its size of " + size + " bytes, as /proc and /sys files do)");
        }
        bytes += size;
        return text;
    }

    /**
     * Up to {@code max} bytes of the file, in 1 MiB reads into an array sized from the file's size
     * (no doubling copies for a large zone); a file that grows as it is read is read on. Not
     * {@code Files.readAllBytes}: it reads through a temporary direct buffer as large as the file,
     * which the JVM then keeps cached (96 MB of native memory for good for a 96 MB file, or a
     * failure under {@code -XX:MaxDirectMemorySize}).
     */
    private static byte[] readAtMost(Path file, long max) throws IOException {
        long limit = Math.min(max, Integer.MAX_VALUE - 8);
        // a pipe has no size and no position: it is read to its end
        boolean regular = Files.isRegularFile(file);
        try (FileChannel channel = FileChannel.open(file)) {
            byte[] bytes = new byte[(int) Math.min(regular ? channel.size() : 0, limit)];
            int length = 0;
            while (true) {
                if (length == bytes.length) {
                    if (length >= limit || regular && length > 0 && channel.position() >= channel.size()) {
                        return bytes;
                    }
                    bytes = Arrays.copyOf(bytes, (int) Math.min(limit, Math.max(16, bytes.length * 2L)));
                }
                int n = channel.read(ByteBuffer.wrap(bytes, length, Math.min(CHUNK, bytes.length - length)));
                if (n < 0) {
                    return length == bytes.length ? bytes : Arrays.copyOf(bytes, length);
                }
                length += n;
            }
        }
    }

    /** Before a $GENERATE expands. */
    void generating(long names, String file, int line) {
        generated += names;
        if (generated > options.maxGeneratedNames()) {
            throw new Exceeded(file, line, "$GENERATE would bring this zone to " + generated
                    + " generated names, more than " + options.maxGeneratedNames(),
                    "generate fewer names or raise zone-files.generate-max-names");
        }
    }

    /** Before each record is stored, and at each entry for the clock. */
    void record(int stored, String file, int line) {
        if (stored >= options.maxRecords()) {
            throw new Exceeded(file, line, "the zone has more than " + options.maxRecords() + " records",
                    "split the zone or raise zone-files.max-records");
        }
        if (++entries % CLOCK_EVERY == 0 && System.nanoTime() - deadline > 0) {
            throw new Exceeded(file, line, "reading the zone took longer than " + options.loadTimeout().toSeconds()
                    + " s; stopped here", "make the zone smaller or raise zone-files.load-timeout");
        }
    }
}
