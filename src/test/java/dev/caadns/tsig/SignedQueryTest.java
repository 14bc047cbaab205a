package dev.caadns.tsig;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.caadns.testsupport.Command;
import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.TestKeys;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Signed queries from independent signers (BIND's dig, Knot's kdig, dnspython) get signed answers
 * their own checks accept, for every algorithm and over UDP and TCP; a bad key, a bad MAC and a clock
 * beyond the fudge get NOTAUTH with the TSIG error of RFC 8945 §5.2 and no data.
 */
class SignedQueryTest {
    static final String SECRET = TestKeys.SECRET;
    static final String OTHER_SECRET = TestKeys.OTHER_SECRET;

    @TempDir
    static Path dir;
    static ConfiguredServer server;

    @BeforeAll
    static void start() throws Exception {
        String shortKey = "tsig.keys += { name = \"k-short\", algorithm = \"hmac-sha256-128\", secret = \""
                + SECRET + "\" }\n";
        server = ConfiguredServer.lab(dir, TestKeys.keyPerAlgorithm("k-") + shortKey);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest
    @CsvSource({"hmac-md5,+notcp", "hmac-sha1,+notcp", "hmac-sha224,+notcp", "hmac-sha256,+notcp",
            "hmac-sha384,+notcp", "hmac-sha512,+notcp", "hmac-md5,+tcp", "hmac-sha512,+tcp"})
    void digVerifiesTheSignedAnswer(String algorithm, String transport) {
        Command.require("dig", "bind9-dnsutils");
        Command.Result r = dig(algorithm + ":k-" + algorithm + ":" + SECRET, transport);
        assertThat(r.output()).contains("status: NOERROR").contains("ANSWER: 1")
                .contains("k-" + algorithm + ".").doesNotContain("Couldn't verify").doesNotContain("could not be validated");
    }

    @Test
    void aTruncatedKeySignsAndAcceptsItsLength() {
        Command.require("dig", "bind9-dnsutils");
        Command.Result r = dig("hmac-sha256-128:k-short:" + SECRET, "+notcp");
        assertThat(r.output()).contains("status: NOERROR").contains("hmac-sha256. ").contains(" 300 16 ")
                .doesNotContain("Couldn't verify");
    }

    @Test
    void aMacShorterThanTheKeyAllowsIsBadtrunc() throws Exception {
        Command.require("dig", "bind9-dnsutils");
        // k-hmac-sha256 signs full 32-octet MACs; a 16-octet one is legal (RFC 8945 §5.2.2.1) but below our policy.
        Command.Result r = dig("hmac-sha256-128:k-hmac-sha256:" + SECRET, "+notcp");
        assertThat(r.output()).contains("status: NOTAUTH").contains("BADTRUNC").contains("ANSWER: 0");
    }

    @Test
    void kdigVerifiesTheSignedAnswer() {
        Command.require("kdig", "knot-dnsutils");
        Command.Result r = Command.run(List.of("kdig", "@127.0.0.1", "-p", String.valueOf(server.port()), "+norec",
                "-y", "hmac-sha256:k-hmac-sha256:" + SECRET, "lab.test", "SOA"), "", 20);
        assertThat(r.output()).contains("status: NOERROR").contains("hmac-sha256.").doesNotContain("WARNING");
    }

    @ParameterizedTest
    @ValueSource(strings = {"udp", "tcp"})
    void dnspythonVerifiesTheSignedAnswer(String transport) throws Exception {
        TsigPeer.require();
        JsonNode reply = TsigPeer.query(server.port(), "lab.test.", "SOA", "k-hmac-sha1", "hmac-sha1", SECRET, 0,
                transport);
        assertThat(reply.get("verdict").asText()).isEqualTo("verified");
        assertThat(reply.get("answers").asInt()).isEqualTo(1);
    }

    @Test
    void anUnknownKeyIsBadkeyUnsigned() throws Exception {
        TsigPeer.require();
        JsonNode reply = TsigPeer.query(server.port(), "lab.test.", "SOA", "nobody", "hmac-sha256", SECRET, 0, "udp");
        assertThat(reply.get("rcode").asText()).isEqualTo("NOTAUTH");
        assertThat(reply.get("tsig_error").asText()).isEqualTo("BADKEY");
        assertThat(reply.get("mac_length").asInt()).isZero();
        assertThat(reply.get("verdict").asText()).isEqualTo("PeerBadKey");
    }

    @Test
    void aKnownKeyWithAnotherAlgorithmIsBadkey() throws Exception {
        TsigPeer.require();
        JsonNode reply = TsigPeer.query(server.port(), "lab.test.", "SOA", "k-hmac-sha256", "hmac-sha512", SECRET, 0,
                "udp");
        assertThat(reply.get("tsig_error").asText()).isEqualTo("BADKEY");
    }

    @Test
    void aWrongSecretIsBadsigUnsigned() throws Exception {
        TsigPeer.require();
        JsonNode reply = TsigPeer.query(server.port(), "lab.test.", "SOA", "k-hmac-sha256", "hmac-sha256",
                OTHER_SECRET, 0, "tcp");
        assertThat(reply.get("rcode").asText()).isEqualTo("NOTAUTH");
        assertThat(reply.get("tsig_error").asText()).isEqualTo("BADSIG");
        assertThat(reply.get("mac_length").asInt()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1000, 1000})
    void aClockBeyondTheFudgeIsBadtimeSignedWithOurTime(int skew) throws Exception {
        TsigPeer.require();
        JsonNode reply = TsigPeer.query(server.port(), "lab.test.", "SOA", "k-hmac-sha256", "hmac-sha256", SECRET,
                skew, "udp");
        assertThat(reply.get("rcode").asText()).isEqualTo("NOTAUTH");
        assertThat(reply.get("tsig_error").asText()).isEqualTo("BADTIME");
        assertThat(reply.get("mac_ok").asBoolean()).as("the BADTIME reply is signed with the key").isTrue();
        assertThat(reply.get("time_signed").asLong()).isEqualTo(reply.get("request_time").asLong());
        long now = System.currentTimeMillis() / 1000;
        assertThat(reply.get("other_time").asLong()).isBetween(now - 30, now + 30);
    }

    @Test
    void aClockWithinTheFudgeIsFine() throws Exception {
        TsigPeer.require();
        JsonNode reply = TsigPeer.query(server.port(), "lab.test.", "SOA", "k-hmac-sha256", "hmac-sha256", SECRET,
                -200, "udp");
        assertThat(reply.get("rcode").asText()).isEqualTo("NOERROR");
        assertThat(reply.get("mac_ok").asBoolean()).isTrue();
    }

    @Test
    void theJournalNamesTheKeyAndTheError() throws Exception {
        TsigPeer.require();
        TsigPeer.query(server.port(), "www.lab.test.", "A", "k-hmac-sha256", "hmac-sha256", SECRET, 0, "udp");
        TsigPeer.query(server.port(), "www.lab.test.", "A", "k-hmac-sha256", "hmac-sha256", OTHER_SECRET, 0, "udp");
        String journal = server.http("GET", "/api/v1/journal?name=www.lab.test.&opcode=query", null).body();
        assertThat(journal).contains("\"tsigKey\":\"k-hmac-sha256.\",\"tsigError\":null")
                .contains("\"tsigKey\":\"k-hmac-sha256.\",\"tsigError\":\"BADSIG\"")
                .contains("\"rcode\":\"NOTAUTH\"").contains("\"opcode\":\"QUERY\"");
    }

    private static Command.Result dig(String key, String transport) {
        return Command.run(List.of("dig", "@127.0.0.1", "-p", String.valueOf(server.port()), "+norec", transport,
                "-y", key, "lab.test", "SOA"), "", 20);
    }
}
