package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/** A hostile zone file in the folder: the reload stops at its budget, leaks nothing, and DNS keeps answering. */
class HostileZoneReloadTest extends LabFixtureTest {

    @Test
    void aReloadOfAnIncludeFanOutEndsQuicklyLeaksNoFileAndDnsAnswersThroughout() throws Exception {
        Path fan = Files.createDirectory(dir.resolve("fan"));
        for (int level = 1; level <= 5; level++) {
            String next = level < 5 ? "$INCLUDE l" + (level + 1) + ".inc\n" : "x TXT \"leaf\"\n";
            Files.writeString(fan.resolve("l" + level + ".inc"), next.repeat(10));
        }
        Files.writeString(dir.resolve("fan.test.zone"), "$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n"
                + "@ NS ns\nns A 192.0.2.1\n$INCLUDE /proc/self/environ\n$INCLUDE fan/l1.inc\n");

        CompletableFuture<HttpResponse<String>> reload = CompletableFuture.supplyAsync(() -> {
            try {
                return lab.post("/api/v1/reload", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int answered = 0;
        while (!reload.isDone()) {
            assertThat(lab.udp("www.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
            answered++;
        }
        HttpResponse<String> reply = reload.get(60, TimeUnit.SECONDS);

        assertThat(reply.statusCode()).isEqualTo(200);
        assertThat(reply.body()).contains("Z-LOAD-BUDGET", "Z-INCLUDE-NOT-FILE", "\"served\":false");
        String environ = Files.readString(Path.of("/proc/self/environ")).split("\0")[0];
        assertThat(reply.body()).doesNotContain(environ);
        assertThat(answered).isPositive();
        assertThat(lab.udp("www.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }
}
