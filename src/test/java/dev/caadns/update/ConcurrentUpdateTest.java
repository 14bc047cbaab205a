package dev.caadns.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.TestKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * Two clients adding to the same RRset at once, one over UDP and one over TCP on a server with two
 * workers: updates are serialised, so every record lands (no lost write) and the serial moves once
 * per update.
 */
class ConcurrentUpdateTest {
    private static final int EACH = 25;

    @TempDir
    Path dir;

    @Test
    void noWriteIsLost() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.lab(dir, "workers = 2\n" + TestKeys.UNSIGNED_FROM_LOOPBACK)) {
            UpdateClient client = new UpdateClient(server);
            long serial = client.serial("lab.test.");
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<List<Integer>>> results = new ArrayList<>();
                for (String who : List.of("udp", "tcp")) {
                    results.add(pool.submit(() -> {
                        List<Integer> rcodes = new ArrayList<>();
                        for (int i = 0; i < EACH; i++) {
                            Update update = UpdateClient.update("lab.test.");
                            update.add(UpdateClient.record("_acme-challenge.lab.test. 120 TXT \"" + who + i + "\""));
                            rcodes.add((who.equals("tcp") ? client.tcp(update) : client.udp(update)).getRcode());
                        }
                        return rcodes;
                    }));
                }
                for (Future<List<Integer>> r : results) {
                    assertThat(r.get(60, TimeUnit.SECONDS)).containsOnly(Rcode.NOERROR);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(client.tcp(txtQuery()).getSection(org.xbill.DNS.Section.ANSWER)).hasSize(2 * EACH);
            assertThat(client.serial("lab.test.")).isEqualTo(serial + 2 * EACH);
        }
    }

    private static org.xbill.DNS.Message txtQuery() {
        return org.xbill.DNS.Message.newQuery(org.xbill.DNS.Record.newRecord(
                UpdateClient.name("_acme-challenge.lab.test."), Type.TXT, org.xbill.DNS.DClass.IN));
    }
}
