package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Type;

/**
 * Any JSON body to any endpoint that reads one, through real HTTP: never a 500, and DNS keeps
 * answering from the zones the changes went into.
 */
class ApiJsonFuzzTest {
    private static final List<String> POSTS = List.of("/add-a", "/add-aaaa", "/add-caa", "/set-txt", "/set-cname",
            "/clear-a", "/clear-txt", "/clear-caa", "/clear-cname", "/set-servfail", "/clear-servfail",
            "/set-default-ipv4", "/set-default-ipv6", "/dns-request-history", "/clear-request-history",
            "/api/v1/faults");
    private static final List<String> TYPES = List.of("A", "AAAA", "CAA", "TXT", "CNAME", "DNAME", "NS", "SOA", "MX");
    private static Path dir;
    private static LabFixture lab;

    @BeforeAll
    static void start() throws Exception {
        dir = Files.createTempDirectory("caadns-api-fuzz");
        lab = new LabFixture(dir, java.util.Map.of(), dev.caadns.cli.Plugins::forSettings);
    }

    @AfterAll
    static void stop() throws Exception {
        lab.close();
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(dir);
    }

    @FuzzTest(maxDuration = "5s")
    void anyBodyIsAnsweredWithoutAServerError(FuzzedDataProvider data) throws Exception {
        boolean put = data.consumeBoolean();
        String owner = put ? data.pickValue(List.of("@", "www", "x", "*.w", "d.x")) : "";
        String type = put ? data.pickValue(TYPES) : "";
        String path = put ? "" : data.pickValue(POSTS);
        String body = data.consumeRemainingAsString();
        HttpResponse<String> reply = put
                ? lab.send("PUT", "/api/v1/zones/lab.test./rrsets/" + owner + "/" + type, body)
                : lab.post(path, body);

        assertThat(reply.statusCode()).as(reply.body()).isLessThan(500);
        assertThat(lab.udp("lab.test.", Type.SOA).getRcode()).isIn(Rcode.NOERROR, Rcode.SERVFAIL, Rcode.REFUSED,
                Rcode.NXDOMAIN);
    }
}
