package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class MainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** As main runs it: set up for these arguments (only the subcommand they name, if any). */
    private int run(String... args) {
        CommandLine cli = Main.commandLine(args);
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void eachSubcommandIsListedUnderItsCommandName() {
        Main.SUBCOMMANDS.forEach((name, subcommand) ->
                assertThat(subcommand.getAnnotation(CommandLine.Command.class).name()).isEqualTo(name));
    }

    @Test
    void aNamedSubcommandIsTheOnlyOneSetUp() {
        assertThat(Main.commandLine(new String[] {"check", "--strict"}).getSubcommands()).containsOnlyKeys("check");
        assertThat(Main.commandLine(new String[] {"help", "check"}).getSubcommands()).containsKeys("serve", "check", "help");
    }

    @Test
    void helpNamesTheSubcommands() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("caadns", "serve", "check", "explain");
    }

    @Test
    void helpCommandPrintsTheHelp() {
        assertThat(run("help")).isZero();
        assertThat(out.toString()).contains("Usage: caadns", "serve", "check", "explain");
    }

    @Test
    void helpCommandPrintsASubcommandsHelp() {
        assertThat(run("help", "check")).isZero();
        assertThat(out.toString()).contains("Usage: caadns check", "--strict");
    }

    @Test
    void versionPrintsTheName() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("caadns ");
    }

    @Test
    void serveHelpIsReachedThroughTheTopCommand() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("Usage: caadns serve", "--listen");
    }

    @Test
    void aSubcommandsBadOptionIsReportedAsBefore() {
        assertThat(run("check", "--no-such-flag")).isEqualTo(2);
        assertThat(err.toString()).contains("Unknown option: '--no-such-flag'", "Usage: caadns check");
    }

    @Test
    void noSubcommandShowsUsageAndFails() {
        assertThat(run()).isEqualTo(2);
        assertThat(err.toString()).contains("Usage: caadns");
    }

    @Test
    void unknownSubcommandFails() {
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err.toString()).contains("frobnicate");
    }
}
