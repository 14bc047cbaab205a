package dev.caadns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.EncryptedCaadns;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.TlsClients;
import dev.caadns.testsupport.Command;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * DNS over HTTPS (RFC 8484) through real sockets: the JDK's HTTP/2 and HTTP/1.1 clients, curl and
 * kdig. Answers are the TCP answer byte for byte; HTTP errors come back as HTTP statuses.
 */
class DohTransportTest {
    private static final int TOOL_SECONDS = 20;

    @RegisterExtension
    static final EncryptedCaadns.PerClass fixture = new EncryptedCaadns.PerClass();

    private static HttpClient client(HttpClient.Version version) {
        return TlsClients.http(fixture.server().trust, version);
    }

    private static URI uri(String path) {
        return TlsClients.dohUri(fixture.server().doh(), path);
    }

    private static byte[] overTcp(byte[] query) {
        return new DnsTestClient().tcpPipelined(fixture.server().caadns.tcp(), List.of(query)).get(0);
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void postGetsTheTcpAnswerByteForByte(HttpClient.Version version) throws Exception {
        byte[] query = Queries.query(0, "lab.test.", Type.CAA).toWire();

        HttpResponse<byte[]> response = TlsClients.post(client(version), uri("/dns-query"), query, "test");

        assertThat(response.version()).isEqualTo(version);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("content-type")).hasValue("application/dns-message");
        assertThat(response.body()).isEqualTo(overTcp(query));
        assertThat(new Message(response.body()).getSection(Section.ANSWER)).hasSize(2);
    }

    @ParameterizedTest
    @EnumSource(HttpClient.Version.class)
    void getWithUnpaddedBase64urlGetsTheSameAnswer(HttpClient.Version version) throws Exception {
        byte[] query = Queries.query(0, "www.lab.test.", Type.A).toWire();
        String dns = Base64.getUrlEncoder().withoutPadding().encodeToString(query);

        HttpResponse<byte[]> response = client(version).send(HttpRequest.newBuilder(uri("/dns-query?dns=" + dns))
                .timeout(TlsClients.TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofByteArray());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo(overTcp(query));
    }

    @Test
    void maxAgeIsTheSmallestAnswerTtlElseTheSoaTtl() throws Exception {
        HttpClient client = client(HttpClient.Version.HTTP_2);
        HttpResponse<byte[]> cname = TlsClients.post(client, uri("/"), Queries.query(1, "www.lab.test.", Type.A).toWire(), "t");
        HttpResponse<byte[]> nodata = TlsClients.post(client, uri("/"), Queries.query(2, "web.lab.test.", Type.TXT).toWire(), "t");
        HttpResponse<byte[]> refused = TlsClients.post(client, uri("/"), Queries.query(3, "other.example.", Type.A).toWire(), "t");

        assertThat(cname.headers().firstValue("cache-control")).hasValue("max-age=60"); // CNAME 60, A 300
        assertThat(nodata.headers().firstValue("cache-control")).hasValue("max-age=120"); // the SOA, at its minimum (RFC 2308)
        assertThat(new Message(refused.body()).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(refused.headers().firstValue("cache-control")).isEmpty();
    }

    @Test
    void anyPathIsAnsweredWhenNoneIsConfigured() throws Exception {
        byte[] query = Queries.query(4, "lab.test.", Type.SOA).toWire();

        HttpResponse<byte[]> response = TlsClients.post(client(HttpClient.Version.HTTP_2), uri("/some/where"), query, "t");

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    void anAnswerOverUdpSizeIsSentWholeWithoutTc() throws Exception {
        StringBuilder zone = new StringBuilder(EncryptedCaadns.ZONE);
        for (int i = 0; i < 60; i++) {
            zone.append("big CAA 0 issue \"ca").append(i).append(".example.net; account=").append("x".repeat(40)).append("\"\n");
        }
        try (EncryptedCaadns big = EncryptedCaadns.start(Files.createDirectory(fixture.dir().resolve("big")), zone.toString(),
                Map.of())) {
            byte[] query = Queries.query(5, Queries.name("big.lab.test."), Type.CAA, 1232, false).toWire();
            HttpResponse<byte[]> response = TlsClients.post(TlsClients.http(big.trust, HttpClient.Version.HTTP_2),
                    TlsClients.dohUri(big.doh(), "/dns-query"), query, "t");

            Message reply = new Message(response.body());
            assertThat(response.body().length).isGreaterThan(1232);
            assertThat(reply.getHeader().getFlag(Flags.TC)).isFalse();
            assertThat(reply.getSection(Section.ANSWER)).hasSize(60);
        }
    }

    @Test
    void httpErrorsAreHttpStatuses() throws Exception {
        HttpClient client = client(HttpClient.Version.HTTP_2);
        byte[] query = Queries.query(6, "lab.test.", Type.CAA).toWire();
        HttpRequest.Builder base = HttpRequest.newBuilder(uri("/dns-query")).timeout(TlsClients.TIMEOUT);

        HttpResponse<String> wrongType = client.send(base.copy().header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofByteArray(query)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> notDns = client.send(base.copy().header("Content-Type", "application/dns-message")
                .POST(HttpRequest.BodyPublishers.ofString("hello")).build(), HttpResponse.BodyHandlers.ofString());
        byte[] response = new Message(overTcp(query)).toWire();
        HttpResponse<String> aResponse = client.send(base.copy().header("Content-Type", "application/dns-message")
                .POST(HttpRequest.BodyPublishers.ofByteArray(response)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> put = client.send(base.copy().header("Content-Type", "application/dns-message")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(query)).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> tooBig = client.send(base.copy().header("Content-Type", "application/dns-message")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[65536])).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> noParameter = client.send(base.copy().GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> badBase64 = client.send(HttpRequest.newBuilder(uri("/dns-query?dns=%25%25%25"))
                .timeout(TlsClients.TIMEOUT).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(wrongType.statusCode()).isEqualTo(415);
        assertThat(notDns.statusCode()).isEqualTo(400);
        assertThat(aResponse.statusCode()).as("a DNS response is not a query").isEqualTo(400);
        assertThat(put.statusCode()).isEqualTo(405);
        assertThat(put.headers().firstValue("allow")).hasValue("GET, POST");
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(noParameter.statusCode()).isEqualTo(400);
        assertThat(badBase64.statusCode()).isEqualTo(400);
        // and the connection still answers
        assertThat(TlsClients.post(client, uri("/dns-query"), query, "t").statusCode()).isEqualTo(200);
    }

    @Test
    void aConfiguredPathIsTheOnlyOneAnswered() throws Exception {
        try (EncryptedCaadns strict = EncryptedCaadns.start(Files.createDirectory(fixture.dir().resolve("path")),
                Map.of("doh.path", "/dns-query"))) {
            HttpClient client = TlsClients.http(strict.trust, HttpClient.Version.HTTP_2);
            byte[] query = Queries.query(7, "lab.test.", Type.CAA).toWire();

            assertThat(TlsClients.post(client, TlsClients.dohUri(strict.doh(), "/dns-query"), query, "t").statusCode())
                    .isEqualTo(200);
            assertThat(TlsClients.post(client, TlsClients.dohUri(strict.doh(), "/other"), query, "t").statusCode())
                    .isEqualTo(404);
        }
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"--http2", "--http1.1"})
    void curlPostsAndGetsWithTheLabCa(String httpVersion) throws Exception {
        Command.require("curl", "curl");
        byte[] query = Queries.query(0, "lab.test.", Type.CAA).toWire();
        Path body = Files.write(fixture.dir().resolve("query" + httpVersion + ".bin"), query);
        Path reply = fixture.dir().resolve("reply" + httpVersion + ".bin");
        String dns = Base64.getUrlEncoder().withoutPadding().encodeToString(query);
        String base = "https://127.0.0.1:" + fixture.server().doh().getPort() + "/dns-query";

        Command.Result post = Command.run(List.of("curl", "-sS", httpVersion, "--cacert", fixture.server().caFile.toString(),
                "-H", "Content-Type: application/dns-message", "--data-binary", "@" + body, "-o", reply.toString(),
                "-w", "%{http_code} %{http_version}", base), "", TOOL_SECONDS);
        assertThat(post.exitCode()).as(post.output()).isZero();
        assertThat(post.output()).isEqualTo("200 " + (httpVersion.equals("--http2") ? "2" : "1.1"));
        assertThat(Files.readAllBytes(reply)).isEqualTo(overTcp(query));

        Command.Result get = Command.run(List.of("curl", "-sS", httpVersion, "--cacert", fixture.server().caFile.toString(),
                "-o", reply.toString(), "-w", "%{http_code}", base + "?dns=" + dns), "", TOOL_SECONDS);
        assertThat(get.output()).as(get.output()).isEqualTo("200");
        assertThat(Files.readAllBytes(reply)).isEqualTo(overTcp(query));
    }

    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"+https", "+https-get"})
    void kdigAsksOverDohTrustingTheLabCa(String mode) {
        Command.require("kdig", "knot-dnsutils");

        Command.Result kdig = Command.run(List.of("kdig", mode, "+tls-ca=" + fixture.server().caFile, "@127.0.0.1",
                "-p", String.valueOf(fixture.server().doh().getPort()), "lab.test", "CAA"), "", TOOL_SECONDS);

        assertThat(kdig.exitCode()).as(kdig.output() + kdig.output()).isZero();
        assertThat(kdig.output()).contains("status: 200", "status: NOERROR",
                "lab.test.", "CAA\t0 issue \"letsencrypt.org\"", "CAA\t0 iodef \"mailto:security@lab.test\"");
        assertThat(kdig.output()).contains(mode.equals("+https") ? "HTTP/2-POST" : "HTTP/2-GET");
    }
}
