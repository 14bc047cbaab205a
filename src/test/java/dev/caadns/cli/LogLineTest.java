package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LogLine writes what logback's PatternLayout wrote with caadns's old pattern, byte for byte. */
class LogLineTest {
    private static final String OLD_PATTERN = "%d{HH:mm:ss.SSS} %-5level %logger{0}: %msg%n";

    private final LoggerContext context = new LoggerContext();

    @Test
    void eachLevelLoggerAndExceptionIsWrittenAsThePatternWroteIt() {
        PatternLayout pattern = new PatternLayout();
        pattern.setContext(context);
        pattern.setPattern(OLD_PATTERN);
        pattern.start();
        LogLine line = new LogLine();
        line.setContext(context);
        line.start();
        Exception failure = new IOException("disk gone", new IllegalStateException("cause"));
        List<LoggingEvent> events = List.of(
                event("dev.caadns.server.ServedZones", Level.INFO, "zone {} loaded", null, "lab.test."),
                event("dev.caadns.server.DnsServer", Level.WARN, "careful", null),
                event("dev.caadns.server.ServerMain", Level.ERROR, "reload failed: {}", failure, "x"),
                event("dev.caadns.zone.Node$Links", Level.DEBUG, "inner class", null),
                event("root", Level.TRACE, "no package", null),
                event("a.b.C", Level.INFO, "at midnight and a millisecond", null));
        events.get(5).setTimeStamp(java.time.LocalDate.now().atStartOfDay(java.time.ZoneId.systemDefault())
                .toInstant().toEpochMilli() + 1);
        for (LoggingEvent event : events) {
            assertThat(line.doLayout(event)).isEqualTo(pattern.doLayout(event));
        }
        assertThat(line.doLayout(events.get(2))).contains("java.io.IOException: disk gone", "Caused by: ");
    }

    private LoggingEvent event(String logger, Level level, String message, Throwable failure, Object... args) {
        Logger named = context.getLogger(logger);
        return new LoggingEvent(Logger.class.getName(), named, level, message, failure, args);
    }
}
