package dev.caadns.transfer;

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
 * one answers NOERROR or the tries run out. A newer serial replaces one still being retried.
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
    private final Function<Name, List<InetSocketAddress>> secondaries;
    private final Signer signer;
    private final TransferLog log;
    /** The serial being announced to each (zone, secondary); a retry for an older one stops. */
    private final Map<String, Long> announcing = new ConcurrentHashMap<>();

    /** Signs a NOTIFY before it goes out, and checks the answer; unsigned when none is configured. */
    interface Signer {
        Signer NONE = resolver -> { };

        void apply(SimpleResolver resolver);
    }

    Notifier(Function<Name, List<InetSocketAddress>> secondaries, Signer signer, TransferLog log) {
        this.secondaries = secondaries;
        this.signer = signer;
        this.log = log;
    }

    /** Announces the zone's serial to its secondaries; returns at once. */
    void serialChanged(Name zone, long serial) {
        for (InetSocketAddress secondary : secondaries.apply(zone)) {
            announcing.put(zone + " " + secondary, serial);
            timer.execute(() -> send(zone, secondary, serial, 0));
        }
    }

    private void send(Name zone, InetSocketAddress secondary, long serial, int attempt) {
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
        signer.apply(resolver);
        resolver.sendAsync(notify).whenComplete((answer, error) -> {
            String problem = error != null ? error.getClass().getSimpleName() + ": " + error.getMessage()
                    : answer.getRcode() != Rcode.NOERROR ? "answered " + Rcode.string(answer.getRcode()) : null;
            if (problem == null) {
                announcing.remove(key, serial);
                log.notified(zone, secondary, serial, "ok", "acknowledged" + (attempt > 0 ? " after " + (attempt + 1) + " tries" : ""));
            } else if (attempt < BACKOFF.size()) {
                log.notified(zone, secondary, serial, "retrying", problem);
                schedule(() -> send(zone, secondary, serial, attempt + 1), BACKOFF.get(attempt));
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
