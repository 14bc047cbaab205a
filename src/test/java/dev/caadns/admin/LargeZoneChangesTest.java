package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A zone large enough for the loading heap policy (over 8 MiB of text): its load, an unchanged
 * reload and an API change of one of its RRsets keep DNS answering, with the right data, and leave
 * the heap's free ratios as they were.
 */
class LargeZoneChangesTest extends LabFixtureTest {
    private static final int NAMES = 150_000;
    private static final HotSpotDiagnosticMXBean VM = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);

    @Test
    void reloadsAndAnApiChangeOfALargeZoneKeepAnsweringAndRestoreTheHeapRatios() throws Exception {
        List<String> ratios = ratios();
        StringBuilder zone = new StringBuilder("$TTL 300\n@ SOA ns hostmaster 1 3600 600 86400 300\n@ NS ns\n"
                + "ns A 192.0.2.1\n");
        for (int i = 0; i < NAMES; i++) {
            zone.append('h').append(i).append(" A 10.").append(i >> 16).append('.').append((i >> 8) & 255).append('.')
                    .append(i & 255).append("\nh").append(i).append(" CAA 0 issue \"ca.example.net; account=").append(i)
                    .append("\"\n");
        }
        Files.writeString(dir.resolve("big.test.zone"), zone);
        assertThat(Files.size(dir.resolve("big.test.zone"))).isGreaterThan(8L << 20);

        HttpResponse<String> first = whileAnswering(() -> lab.post("/api/v1/reload", null), false);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.body()).contains("\"big.test.\"").doesNotContain("\"served\":false");
        assertThat(address("h149999.big.test.")).isEqualTo("10.2.73.239");

        assertThat(whileAnswering(() -> lab.post("/api/v1/reload", null), true).statusCode()).isEqualTo(200);

        HttpResponse<String> change = whileAnswering(() -> lab.send("PUT", "/api/v1/zones/big.test./rrsets/h5.big.test./CAA",
                "{\"ttl\":300,\"records\":[\"0 issue \\\"ca2.example\\\"\"]}"), true);
        assertThat(change.statusCode()).isEqualTo(200);
        assertThat(lab.udp("h5.big.test.", Type.CAA).getSection(Section.ANSWER))
                .extracting(r -> r.rdataToString()).containsExactly("0 issue \"ca2.example\"");
        assertThat(lab.udp("h6.big.test.", Type.CAA).getSection(Section.ANSWER))
                .extracting(r -> r.rdataToString()).containsExactly("0 issue \"ca.example.net; account=6\"");
        assertThat(address("h149999.big.test.")).isEqualTo("10.2.73.239");
        assertThat(ratios()).isEqualTo(ratios);
    }

    /** Runs the call on another thread and asks the small zone (and the large one, once served) until it is done. */
    private <T> T whileAnswering(Callable<T> call, boolean largeServed) throws Exception {
        CompletableFuture<T> done = CompletableFuture.supplyAsync(() -> {
            try {
                return call.call();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        int answered = 0;
        while (!done.isDone()) {
            assertThat(lab.udp("www.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
            if (largeServed) {
                assertThat(address("h7.big.test.")).isEqualTo("10.0.0.7");
            }
            answered++;
        }
        T result = done.get(120, TimeUnit.SECONDS);
        assertThat(answered).isPositive();
        return result;
    }

    private String address(String name) throws Exception {
        Message reply = lab.udp(name, Type.A);
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        return reply.getSection(Section.ANSWER).get(0).rdataToString();
    }

    private static List<String> ratios() {
        return List.of(VM.getVMOption("MinHeapFreeRatio").getValue(), VM.getVMOption("MaxHeapFreeRatio").getValue());
    }
}
