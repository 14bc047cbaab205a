package dev.caadns.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.Command;
import dev.caadns.testsupport.DnsTarget;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.Targets;
import dev.caadns.testsupport.TestZones;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Our CAA answers as independent parsers read them: {@code kdig +short} and {@code dig +short} print,
 * for every CAA RRset of the zone files (wildcards through a name they match), the same presentation
 * text the zone file holds. The large RRsets come back truncated over UDP and the tools retry on TCP.
 */
class CaaPresentationTest {
    private static final long TOOL_TIMEOUT_SECONDS = 20;

    @TempDir
    Path workDir;

    @ParameterizedTest
    @ValueSource(strings = {"/usr/bin/kdig", "/usr/bin/dig"})
    void toolPrintsZoneFileText(String tool) throws Exception {
        Command.require(tool, tool.endsWith("kdig") ? "knot-dnsutils" : "bind9-dnsutils");
        Map<Name, Path> zones = TestZones.inResourceFolder("difftest");
        Map<Name, Set<String>> expected = expectedCaa(ZoneData.load(zones));
        assertThat(expected).hasSizeGreaterThan(5);
        try (DnsTarget target = Targets.underTest(workDir, zones)) {
            for (Map.Entry<Name, Set<String>> rrset : expected.entrySet()) {
                assertThat(shortAnswer(tool, target, rrset.getKey()))
                        .as("%s +short %s CAA from %s", tool, rrset.getKey(), target.name())
                        .isEqualTo(rrset.getValue());
            }
        }
    }

    /** The RRset text per name to ask; a wildcard's RRset is asked through a name it matches. */
    private static Map<Name, Set<String>> expectedCaa(ZoneData zones) {
        Map<Name, Set<String>> expected = new TreeMap<>();
        for (Record rr : zones.records()) {
            if (rr.getType() == Type.CAA) {
                Name asked = rr.getName().isWild()
                        ? Queries.name("caa-check." + ZoneData.parent(rr.getName())) : rr.getName();
                expected.computeIfAbsent(asked, n -> new TreeSet<>()).add(rr.rdataToString());
            }
        }
        return expected;
    }

    private Set<String> shortAnswer(String tool, DnsTarget target, Name name) throws IOException, InterruptedException {
        Path out = Files.createTempFile(workDir, "dig", ".out");
        Process process = new ProcessBuilder(tool, "@" + target.udp().getAddress().getHostAddress(),
                "-p", Integer.toString(target.udp().getPort()), "+short", "+norecurse", name.toString(), "CAA")
                .redirectError(ProcessBuilder.Redirect.DISCARD).redirectOutput(out.toFile()).start();
        if (!process.waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(TOOL_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            throw new AssertionError(tool + " did not finish within " + TOOL_TIMEOUT_SECONDS + " s");
        }
        assertThat(process.exitValue()).as("%s exit status", tool).isZero();
        List<String> lines = Files.readAllLines(out, StandardCharsets.UTF_8);
        Set<String> rdata = new TreeSet<>();
        lines.stream().map(String::strip).filter(line -> !line.isEmpty()).forEach(rdata::add);
        return rdata;
    }
}
