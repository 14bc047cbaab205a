package dev.caadns.admin;

import dev.caadns.answer.QueryObserver;
import dev.caadns.wire.Query;
import dev.caadns.wire.Response;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * The last N queries in a ring of preallocated slots: the event loop copies fields into the next slot,
 * readers snapshot slots on demand. Searchable through the API; the challtestsrv history reads it too.
 */
public final class Journal implements QueryObserver {
    private final JournalSlot[] slots;
    private final AtomicLong next = new AtomicLong();

    public Journal(int size) {
        slots = new JournalSlot[size];
        for (int i = 0; i < size; i++) {
            slots[i] = new JournalSlot();
        }
    }

    @Override
    public void observe(Query query, Response response, InetSocketAddress client, int replyLength, long nanos) {
        long seq = next.getAndIncrement();
        slots[(int) (seq % slots.length)].fill(seq, System.currentTimeMillis(), query, response, client,
                replyLength, nanos);
    }

    /** The sequence number the next query will get. */
    public long nextSeq() {
        return next.get();
    }

    /** Entries from seq {@code from} on that match, oldest first; entries already overwritten are skipped. */
    public List<JournalEntry> since(long from, Predicate<JournalEntry> filter) {
        long end = next.get();
        long start = Math.max(from, end - slots.length);
        List<JournalEntry> found = new ArrayList<>();
        for (long seq = start; seq < end; seq++) {
            JournalEntry e = slots[(int) (seq % slots.length)].entry(seq);
            if (e != null && filter.test(e)) {
                found.add(e);
            }
        }
        return found;
    }
}
