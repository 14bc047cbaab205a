package dev.caadns.transfer;

import dev.caadns.wire.Query;
import dev.caadns.wire.ReplyStream;
import dev.caadns.wire.ResponseWriter;
import java.util.Iterator;
import java.util.function.Consumer;

/**
 * The messages of one zone transfer: records in order, as many as fit in each message (split at
 * whole records, so an RRset may go on in the next message), the question in the first message only.
 */
final class TransferStream implements ReplyStream {
    /** Room kept in every message for the OPT record. */
    private static final int OPT_ROOM = 11;
    private static final int MAX_MESSAGE = 65535;

    /** What a finished (or cut short) transfer did, for the log, the metrics and the API. */
    record Outcome(Query query, long serial, boolean complete, int messages, long records, long bytes, long nanos) {
    }

    private final Query query;
    private final long serial;
    private final Iterator<Rr> records;
    private final int messageSize;
    private final Consumer<Outcome> done;
    private final ResponseWriter writer = new ResponseWriter(MAX_MESSAGE, new byte[0]);
    private final long start = System.nanoTime();
    private Rr pending;
    private boolean finished;
    private int messages;
    private long recordCount;
    private long bytes;

    /**
     * @param query a copy of the query (the original is reused by the event loop)
     * @param messageSize the largest message sent, unless one record alone is larger
     */
    TransferStream(Query query, long serial, Iterator<Rr> records, int messageSize, Consumer<Outcome> done) {
        this.query = query;
        this.serial = serial;
        this.records = records;
        this.messageSize = messageSize;
        this.done = done;
    }

    @Override
    public int next(byte[] out) {
        if (finished) {
            return -1;
        }
        // A buffer shorter than a whole message leaves room for what is added after (a TSIG RR).
        int afterwards = MAX_MESSAGE - out.length;
        writer.startMessage(query, messages == 0);
        while (pending != null || records.hasNext()) {
            Rr r = pending != null ? pending : records.next();
            int limit = (writer.messageRecords() == 0 ? out.length : messageSize - afterwards) - OPT_ROOM;
            if (!writer.addRecord(r.owner(), r.type(), r.ttl(), r.rdata(), limit)) {
                pending = r;
                break;
            }
            pending = null;
        }
        finished = pending == null && !records.hasNext();
        int length = writer.finishMessage(query);
        System.arraycopy(writer.buffer(), 0, out, 0, length);
        messages++;
        recordCount += writer.messageRecords();
        bytes += length;
        return length;
    }

    @Override
    public void close(boolean complete) {
        done.accept(new Outcome(query, serial, complete && finished, messages, recordCount, bytes,
                System.nanoTime() - start));
    }
}
