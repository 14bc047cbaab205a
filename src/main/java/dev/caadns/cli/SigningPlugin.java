package dev.caadns.cli;

import dev.caadns.answer.ZoneSigner;
import dev.caadns.dnssec.Signing;
import dev.caadns.server.CaadnsServer;
import dev.caadns.server.Plugin;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * DNSSEC as the server runs it: the signer over every version of the zones published, and a timer
 * that publishes them again when signatures come due, so they are refreshed without a restart.
 */
final class SigningPlugin implements Plugin {
    private static final Logger log = LoggerFactory.getLogger(SigningPlugin.class);
    private static final long MAX_CHECK_SECONDS = 60;

    private final Signing signing;

    SigningPlugin(Signing signing) {
        this.signing = signing;
    }

    @Override
    public ZoneSigner signer() {
        return signing;
    }

    @Override
    public AutoCloseable start(CaadnsServer server) {
        Duration window = signing.settings().validity().minus(signing.settings().refresh());
        long period = Math.max(1, Math.min(MAX_CHECK_SECONDS, window.toSeconds() / 4));
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "dnssec-refresh");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(() -> {
            if (!Instant.now().isBefore(signing.nextRefresh())) {
                try {
                    server.zones().republish();
                    log.info("DNSSEC signatures refreshed; next due {}", signing.nextRefresh());
                } catch (RuntimeException e) {
                    log.error("refreshing DNSSEC signatures failed: {}", e.toString());
                }
            }
        }, period, period, TimeUnit.SECONDS);
        return timer::shutdownNow;
    }
}
