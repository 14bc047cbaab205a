package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.caadns.server.CaadnsServer;
import dev.caadns.testsupport.Command;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * README's "DNS over HTTPS and TLS" example as written: `./caadns serve --doh ... --dot ...` with the
 * example caadns.conf (as the launcher passes it), then each kdig line trusting the CA file the lab
 * CA was written to. Only the ports change (free ones, so parallel runs cannot collide), and the
 * config sits in a copy of the checkout's caadns.conf, zones, templates and tsig, so the state folder it
 * makes is the test's own.
 */
class ReadmeEncryptedTransportsTest {
    private static final Pattern SECTION = Pattern.compile("(?s)## DNS over HTTPS and TLS\\n(.*?)\\n## ");
    private static final Pattern SH_BLOCK = Pattern.compile("(?s)```sh\\n(.*?)```");

    @TempDir
    Path checkout;

    @Test
    void theServeLineAndEveryKdigLineWorkAsWritten() throws Exception {
        Command.require("kdig", "knot-dnsutils");
        List<String> lines = readmeCommands();
        String serve = lines.stream().filter(l -> l.startsWith("./caadns serve")).findFirst().orElseThrow();
        List<String> kdigs = lines.stream().filter(l -> l.startsWith("kdig ")).toList();
        assertThat(serve).isEqualTo("./caadns serve --doh 127.0.0.1:8443 --dot 127.0.0.1:8853");
        assertThat(kdigs).hasSize(3);
        copyExampleCheckout();

        List<String> args = new ArrayList<>(Arrays.asList(serve.substring("./caadns serve ".length()).split(" ")));
        args.replaceAll(a -> a.replace(":8443", ":0").replace(":8853", ":0"));
        args.addAll(List.of("--config", checkout.resolve("caadns.conf").toString(),
                "--listen", "127.0.0.1:0", "--management", ""));
        List<Command.Result> runs = new ArrayList<>();
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        Logger serverLog = (Logger) LoggerFactory.getLogger(CaadnsServer.class);
        serverLog.addAppender(log);
        int exit = new CommandLine(new ServeCommand(settings -> {
            try (CaadnsServer server = CaadnsServer.start(settings, Plugins.forSettings(settings))) {
                for (String kdig : kdigs) {
                    int port = (kdig.contains("-p 8443") ? server.dohAddresses() : server.dotAddresses()).get(0).getPort();
                    String line = kdig.replace("caadns-state/", checkout.resolve("caadns-state") + "/")
                            .replace("-p 8443", "-p " + port).replace("-p 8853", "-p " + port);
                    runs.add(Command.run(Arrays.asList(line.split(" ")), "", 20));
                }
                return 0;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        })).execute(args.toArray(new String[0]));

        serverLog.detachAppender(log);
        assertThat(exit).isZero();
        Path ca = checkout.resolve("caadns-state/tls/ca.pem").toAbsolutePath();
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).as("the log names the CA file")
                .anySatisfy(line -> assertThat(line).contains("clients trust " + ca + " (curl --cacert " + ca));
        assertThat(runs).hasSize(3).allSatisfy(run -> {
            assertThat(run.exitCode()).as(run.output() + run.output()).isZero();
            assertThat(run.output()).contains("status: NOERROR", "0 issue \"letsencrypt.org\"");
        });
        assertThat(checkout.resolve("caadns-state/tls/ca.pem")).as("the CA sits beside the config").isRegularFile();
    }

    private static List<String> readmeCommands() throws IOException {
        Matcher section = SECTION.matcher(Files.readString(Path.of("README.md")));
        assertThat(section.find()).as("README has a section \"DNS over HTTPS and TLS\"").isTrue();
        List<String> lines = new ArrayList<>();
        Matcher block = SH_BLOCK.matcher(section.group(1));
        while (block.find()) {
            block.group(1).lines().map(String::trim).filter(l -> !l.isEmpty()).forEach(lines::add);
        }
        return lines;
    }

    private void copyExampleCheckout() throws IOException {
        Files.copy(Path.of("caadns.conf"), checkout.resolve("caadns.conf"));
        for (String folder : List.of("zones", "templates", "tsig")) {
            Files.createDirectories(checkout.resolve(folder));
            try (var files = Files.list(Path.of(folder))) {
                for (Path f : files.toList()) {
                    Files.copy(f, checkout.resolve(folder).resolve(f.getFileName()));
                }
            }
        }
    }
}
