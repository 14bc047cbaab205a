package dev.caadns.admin;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Appends every journal entry to a JSON-lines file from a thread of its own, which follows the ring
 * a few times a second: the event loop never formats or writes anything.
 */
final class JournalFile implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JournalFile.class);
    private static final long PERIOD_MILLIS = 200;

    private final Journal journal;
    private final BufferedWriter out;
    private final ObjectMapper json;
    private final ScheduledExecutorService thread;
    private long cursor;

    JournalFile(Journal journal, Path file, ObjectMapper json) throws IOException {
        this.journal = journal;
        this.json = json;
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        this.cursor = journal.nextSeq();
        this.thread = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "caadns-journal-file");
            t.setDaemon(true);
            return t;
        });
        thread.scheduleWithFixedDelay(this::drain, PERIOD_MILLIS, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private synchronized void drain() {
        List<JournalEntry> entries = journal.since(cursor, e -> true);
        if (!entries.isEmpty() && entries.get(0).seq() > cursor) {
            log.warn("journal file fell behind: {} queries were not written", entries.get(0).seq() - cursor);
        }
        try {
            for (JournalEntry e : entries) {
                out.write(json.writeValueAsString(e));
                out.newLine();
                cursor = e.seq() + 1;
            }
            out.flush();
        } catch (IOException e) {
            log.error("cannot write the journal file: {}", e.getMessage());
        }
    }

    @Override
    public void close() throws IOException {
        thread.shutdown();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        drain();
        out.close();
    }
}
