package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code caadns explain} follows a CNAME or DNAME into another zone the same caadns serves, as a
 * CA's resolver does when the answer stops at the zone boundary (cli/explain-across: lab.test.
 * aliases into ext.test.).
 */
class ExplainAcrossZonesTest {

    private static String zones() {
        try {
            return Path.of(ExplainAcrossZonesTest.class.getResource("/cli/explain-across").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0} for {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "alias.lab.test     | otherca.example | permit | relevant RRset: caa.ext.test. | 1. CAA? alias.lab.test. -> CNAME caa.ext.test. (another zone: asked there), 1 CAA record(s) at caa.ext.test.",
        "alias.lab.test     | letsencrypt.org | deny   | relevant RRset: caa.ext.test. | caa.ext.test. CAA 0 issue \"otherca.example\"",
        "twice.lab.test     | otherca.example | permit | relevant RRset: caa.ext.test. | CNAME alias.lab.test. -> caa.ext.test. (another zone: asked there)",
        "caa.moved.lab.test | otherca.example | permit | relevant RRset: caa.ext.test. | CNAME caa.ext.test. (another zone: asked there)",
        "local.lab.test     | letsencrypt.org | permit | relevant RRset: lab.test.     | 1. CAA? local.lab.test. -> CNAME web.lab.test., NODATA (no CAA)",
        "loop.lab.test      | letsencrypt.org | deny   | FAILED (CNAME loop: loop.lab.test. -> loop.ext.test. -> loop.lab.test.) | 1. CAA? loop.lab.test. -> CNAME loop.ext.test.",
    })
    void aliasesAreFollowedIntoEveryServedZone(String identifier, String ca, String verdict, String relevant,
                                               String step) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));

        assertThat(cli.execute("explain", identifier, "--ca", ca, "--zones", zones())).as(err.toString()).isZero();
        assertThat(out.toString()).as(out.toString()).contains(relevant, step, "verdict: " + verdict);
    }
}
