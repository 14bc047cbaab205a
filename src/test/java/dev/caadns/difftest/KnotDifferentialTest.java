package dev.caadns.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.DnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Targets;
import dev.caadns.testsupport.TestZones;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;

/**
 * Sends the same generated queries to the server under test and to Knot DNS and compares the
 * replies, minus the differences {@link KnownDifferences} lists with their reasons.
 */
class KnotDifferentialTest {
    private static final long SEED = 20240101L;
    private static final int MIN_QUERIES = 2000;
    private static final int REPORTED_MISMATCHES = Integer.getInteger("difftest.reported", 20);

    @TempDir
    Path workDir;

    @Test
    void repliesMatchKnot() throws Exception {
        Map<Name, Path> zones = TestZones.inResourceFolder("difftest");
        ZoneData zoneData = ZoneData.load(zones);
        List<GeneratedQuery> queries = new QueryGenerator(zoneData, SEED).generate();
        assertThat(queries).hasSizeGreaterThanOrEqualTo(MIN_QUERIES);

        Path refereeDir = Files.createDirectory(workDir.resolve("referee"));
        Path underTestDir = Files.createDirectory(workDir.resolve("under-test"));
        KnownDifferences known = new KnownDifferences(zoneData);
        List<String> mismatches = new ArrayList<>();
        int mismatchCount = 0;
        try (DnsTarget referee = Targets.referee(refereeDir, zones);
                DnsTarget underTest = Targets.underTest(underTestDir, zones)) {
            ResponseComparator comparator = new ResponseComparator(underTest.name(), referee.name(), known);
            DnsTestClient client = new DnsTestClient();
            for (GeneratedQuery query : queries) {
                Message ours = ask(client, underTest, query);
                Message theirs = ask(client, referee, query);
                List<String> diffs = comparator.differences(query, ReplyView.of(ours), ReplyView.of(theirs));
                if (!diffs.isEmpty()) {
                    mismatchCount++;
                    if (mismatches.size() < REPORTED_MISMATCHES) {
                        mismatches.add(report(query, underTest.name(), ours, referee.name(), theirs, diffs));
                    }
                }
            }
        }
        System.out.printf("%d queries, %d differ; known differences applied %s%n", queries.size(), mismatchCount,
                known.hits());
        assertThat(mismatches)
                .as("%d of %d queries differ; known differences applied %s; first %d:%n%s", mismatchCount,
                        queries.size(), known.hits(), mismatches.size(), String.join("\n", mismatches))
                .isEmpty();
    }

    private static Message ask(DnsTestClient client, DnsTarget target, GeneratedQuery query) {
        Message message = query.toMessage();
        return query.transport() == GeneratedQuery.Transport.UDP ? client.udp(target, message)
                : client.tcp(target, message);
    }

    private static String report(GeneratedQuery query, String oursName, Message ours, String theirsName,
            Message theirs, List<String> diffs) {
        return "=== " + query + "\n  " + String.join("\n  ", diffs)
                + "\n--- " + oursName + ":\n" + ours + "\n--- " + theirsName + ":\n" + theirs;
    }
}
