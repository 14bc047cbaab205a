package dev.caadns.transfer;

import dev.caadns.transfer.TransferSettings.Secondary;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Tells secondaries of a zone's new serial (NOTIFY, RFC 1996) over UDP, retrying with backoff until
 * one answers NOERROR or the tries run out. A newer serial replaces one still being retried. A
 * secondary given a key gets its NOTIFY signed, and only a reply signed with that key counts.
 */
final class Notifier implements AutoCloseable {
    /** Waits before each retry, as BIND and Knot space theirs out. */
    private static final List<Duration> BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));
    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "caadns-notify");
        t.setDaemon(true);
        return t;
    });
    private final Function<Name, List<Secondary>> secondaries;
    private final TransferLog log;
    /** The serial being announced to each (zone, secondary); a retry for an older one stops. */
    private final Map<String, Long> announcing = new ConcurrentHashMap<>();

    Notifier(Function<Name, List<Secondary>> secondaries, TransferLog log) {
        this.secondaries = secondaries;
        this.log = log;
    }

    /** Announces the zone's serial to its secondaries; returns at once. */
    void serialChanged(Name zone, long serial) {
        for (Secondary secondary : secondaries.apply(zone)) {
            announcing.put(zone + " " + secondary.address(), serial);
            timer.execute(() -> send(zone, secondary, serial, 0));
        }
    }

    private void send(Name zone, Secondary to, long serial, int attempt) {
        InetSocketAddress secondary = to.address();
        String key = zone + " " + secondary;
        if (announcing.getOrDefault(key, -1L) != serial) {
            return; // a newer serial is being announced
        }
        Message notify = Message.newQuery(Record.newRecord(zone, Type.SOA, DClass.IN));
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        notify.getHeader().unsetFlag(Flags.RD);
        notify.getHeader().setFlag(Flags.AA);
        SimpleResolver resolver = new SimpleResolver(secondary);
        resolver.setTimeout(TIMEOUT);
        to.key().ifPresent(k -> resolver.setTSIGKey(k.forRequests()));
        resolver.sendAsync(notify).whenComplete((answer, error) -> {
            String problem = error != null ? error.getClass().getSimpleName() + ": " + error.getMessage()
                    : answer.getRcode() != Rcode.NOERROR ? "answered " + Rcode.string(answer.getRcode())
                    // RFC 8945 §5.3: a signed request's reply must be signed with the same key; else it is not the secondary's.
                    : to.key().isPresent() && !answer.isVerified() ? "the answer's TSIG did not verify with " + to.key().get()
                    : null;
            if (problem == null) {
                announcing.remove(key, serial);
                log.notified(zone, secondary, serial, "ok", "acknowledged" + (attempt > 0 ? " after " + (attempt + 1) + " tries" : ""));
            } else if (attempt < BACKOFF.size()) {
                log.notified(zone, secondary, serial, "retrying", problem);
                schedule(() -> send(zone, to, serial, attempt + 1), BACKOFF.get(attempt));
            } else {
                announcing.remove(key, serial);
                log.notified(zone, secondary, serial, "failed", problem + "; gave up after " + (attempt + 1) + " tries");
            }
        });
    }

    private void schedule(Runnable task, Duration delay) {
        if (!timer.isShutdown()) {
            timer.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
