package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.Configurator.ExecutionStatus;
import ch.qos.logback.classic.util.LogbackMDCAdapter;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** caadns's logging as set up in code: the line format logback.xml had, INFO and up, on stderr. */
class LogSetupTest {
    @Test
    void infoAndUpGoToStderrInTheOldFormat() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream saved = System.err;
        LoggerContext context = new LoggerContext();
        context.setMDCAdapter(new LogbackMDCAdapter());
        ExecutionStatus status;
        try {
            System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
            status = new LogSetup().configure(context);
            context.getLogger("dev.caadns.server.ServedZones").info("zone {} loaded", "lab.test.");
            context.getLogger("dev.caadns.server.ServedZones").debug("not shown");
            context.getLogger("dev.caadns.server.DnsServer").warn("careful");
        } finally {
            System.setErr(saved);
            context.stop();
        }
        assertThat(status).isEqualTo(ExecutionStatus.DO_NOT_INVOKE_NEXT_IF_ANY);
        assertThat(err.toString(StandardCharsets.UTF_8).split("\n"))
                .hasSize(2)
                .satisfies(lines -> {
                    assertThat(lines[0]).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} INFO  ServedZones: zone lab\\.test\\. loaded");
                    assertThat(lines[1]).matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN  DnsServer: careful");
                });
    }

    @Test
    void aConfigurationFileTheUserNamesIsReadInstead() {
        String property = "logback.configurationFile";
        System.setProperty(property, "mine.xml");
        try {
            assertThat(new LogSetup().configure(new LoggerContext())).isEqualTo(ExecutionStatus.INVOKE_NEXT_IF_ANY);
        } finally {
            System.clearProperty(property);
        }
    }
}
