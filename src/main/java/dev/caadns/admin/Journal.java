package dev.caadns.admin;

import dev.caadns.answer.QueryObserver;
import dev.caadns.wire.Query;
import dev.caadns.wire.Response;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Predicate;

/**
 * The last N queries in a ring of slots: the event loop copies fields into the next slot, readers
 * snapshot slots on demand. Searchable through the API; the challtestsrv history reads it too.
 * A slot is made the first time the ring reaches it, then reused: 10,000 slots are ~3 MB that a
 * start need not allocate (~5.5 MB with each slot's name buffer at 255 bytes).
 */
public final class Journal implements QueryObserver {
    private final AtomicReferenceArray<JournalSlot> slots;
    private final AtomicLong next = new AtomicLong();

    public Journal(int size) {
        slots = new AtomicReferenceArray<>(size);
    }

    @Override
    public void observe(Query query, Response response, InetSocketAddress client, int replyLength, long nanos) {
        long seq = next.getAndIncrement();
        slot((int) (seq % slots.length())).fill(seq, System.currentTimeMillis(), query, response, client,
                replyLength, nanos);
    }

    /** The sequence number the next query will get. */
    public long nextSeq() {
        return next.get();
    }

    /** Entries from seq {@code from} on that match, oldest first; entries already overwritten are skipped. */
    public List<JournalEntry> since(long from, Predicate<JournalEntry> filter) {
        long end = next.get();
        long start = Math.max(from, end - slots.length());
        List<JournalEntry> found = new ArrayList<>();
        for (long seq = start; seq < end; seq++) {
            JournalSlot slot = slots.get((int) (seq % slots.length()));
            JournalEntry e = slot == null ? null : slot.entry(seq);
            if (e != null && filter.test(e)) {
                found.add(e);
            }
        }
        return found;
    }

    private JournalSlot slot(int index) {
        JournalSlot slot = slots.get(index);
        if (slot == null) {
            slots.compareAndSet(index, null, new JournalSlot());
            slot = slots.get(index);
        }
        return slot;
    }
}
