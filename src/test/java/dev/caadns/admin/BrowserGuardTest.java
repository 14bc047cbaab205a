package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** A web page cannot change what is served: cross-site requests, rebinding and simple bodies are refused. */
class BrowserGuardTest extends LabFixtureTest {
    private static final String CAA = "{\"host\":\"evil.lab.test\",\"policies\":[{\"tag\":\"issue\",\"value\":\"evil.example\"}]}";

    @Override
    LabFixture start(Path dir) throws Exception {
        return new LabFixture(dir, Map.of("management.hosts", List.of("dns-lab.example")));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "Content-Type: text/plain\r\nOrigin: http://evil.example",
        "Content-Type: text/plain\r\nSec-Fetch-Site: cross-site\r\nSec-Fetch-Mode: no-cors",
        "Content-Type: application/x-www-form-urlencoded\r\nSec-Fetch-Mode: navigate",
        "Content-Type: application/json\r\nOrigin: null",
        "Content-Type: application/json\r\nOrigin: http://127.0.0.1:3000",
        "Content-Type: application/json\r\nSec-Fetch-Site: same-site",
        "Content-Type: application/xml"})
    void aRequestABrowserMakesForAnotherSiteChangesNothing(String headers) throws Exception {
        LabFixture.RawReply reply = lab.raw("POST /add-caa HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers, CAA);

        assertThat(reply.status()).as(reply.body()).isIn(403, 415);
        assertThat(reply.body()).contains("refused");
        assertThat(lab.udp("evil.lab.test.", Type.CAA).getSection(Section.ANSWER)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example", "evil.example:8055", "lab.test.", "127.0.0.1.nip.io:8055"})
    void aHostThatIsAForeignNameIsRefused(String host) throws Exception {
        LabFixture.RawReply reply = lab.raw("POST /add-caa HTTP/1.1\r\nHost: " + host
                + "\r\nContent-Type: application/json", CAA);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.body()).contains("management.hosts");
        assertThat(lab.udp("evil.lab.test.", Type.CAA).getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void addressesLocalhostConfiguredNamesAndTheApisOwnOriginAreServed() throws Exception {
        int port = lab.managementAddress().getPort();
        for (String headers : List.of("Host: 127.0.0.1:" + port, "Host: localhost:" + port, "Host: [::1]:" + port,
                "Host: DNS-LAB.example.:" + port, "Host: 10.0.0.1",
                "Host: 127.0.0.1:" + port + "\r\nOrigin: http://127.0.0.1:" + port)) {
            LabFixture.RawReply reply = lab.raw("GET /api/v1/zones HTTP/1.1\r\n" + headers, "");
            assertThat(reply.status()).as(headers + ": " + reply.body()).isEqualTo(200);
        }
    }

    @Test
    void curlDashDAsInReadmeAndChalltestsrvScriptsStillWorks() throws Exception {
        Process curl = new ProcessBuilder("curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "-X", "POST", "-d", CAA,
                "http://127.0.0.1:" + lab.managementAddress().getPort() + "/add-caa").redirectErrorStream(true).start();
        assertThat(curl.waitFor(10, TimeUnit.SECONDS)).isTrue();

        assertThat(new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("200");
        assertThat(lab.udp("evil.lab.test.", Type.CAA).getSection(Section.ANSWER)).hasSize(1);
    }
}
