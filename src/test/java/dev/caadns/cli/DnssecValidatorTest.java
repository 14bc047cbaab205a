package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.UnboundResolver;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Real validators judge caadns's signed zones: Unbound (trusting the anchor {@code caadns dnssec
 * anchors} printed, stub zones to caadns) must mark every kind of answer secure (AD), and delv must
 * say "fully validated"; each DNSSEC fault must turn its name bogus (SERVFAIL at Unbound, a
 * validation failure at delv) and leave the other names secure.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DnssecValidatorTest {
    SignedLab lab;
    private final DnsTestClient client = new DnsTestClient(java.time.Duration.ofSeconds(10));
    private int nextId = 1;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        lab = SignedLab.start(dir, denial());
    }

    /** Keys of the dnssec block that choose how the lab's zones deny: here NSEC, the default. */
    String denial() {
        return "";
    }

    @AfterAll
    void stop() {
        if (lab != null) {
            lab.close();
        }
    }

    private Message resolve(String name, String type) {
        return resolve(lab.unbound, name, type);
    }

    private Message resolve(UnboundResolver unbound, String name, String type) {
        Message query = Queries.query(nextId++, Queries.name(name), Type.value(type), 1232, true);
        query.getHeader().setFlag(Flags.RD);
        query.getHeader().setFlag(Flags.AD);
        return client.udp(unbound, query);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
        "lab.test.,            CAA,  positive answer",
        "nope.lab.test.,       CAA,  NXDOMAIN",
        "shop.lab.test.,       TXT,  NODATA",
        "b.c.lab.test.,        CAA,  NODATA at an empty non-terminal",
        "z.c.lab.test.,        CAA,  NXDOMAIN below an empty non-terminal",
        "x.wild.lab.test.,     CAA,  wildcard answer",
        "x.y.wild.lab.test.,   CAA,  wildcard answer two labels below the closest encloser",
        "x.wild.lab.test.,     TXT,  wildcard NODATA",
        "www.lab.test.,        CAA,  CNAME to a signed answer",
        "host.apps.lab.test.,  CAA,  CAA synthesized by a template at an existing name",
        "acme.tenants.test.,   CAA,  CAA synthesized at a name that exists only by template (online signing)",
        "acme.tenants.test.,   A,    NODATA at a synthesized name (online NSEC)",
        "a.b.tenants.test.,    CAA,  NXDOMAIN in an online-signed zone (RFC 4470 NSEC)",
        "lab.test.,            DS,   DS the parent publishes for its signed child",
        "plain.test.,          DS,   no DS for an unsigned child (NODATA at the delegation)",
        "tenants.test.,        SOA,  apex of an online-signed zone",
        "test.,                DNSKEY, DNSKEY at the anchor",
    })
    void unboundFindsEveryKindOfAnswerSecure(String name, String type, String kind) throws Exception {
        Message reply = resolve(name, type);
        assertThat(reply.getRcode()).as(kind + ": " + reply).isIn(Rcode.NOERROR, Rcode.NXDOMAIN);
        assertThat(reply.getHeader().getFlag(Flags.AD)).as(kind + " is secure: " + reply).isTrue();
        assertThat(lab.delv(name, type)).as(kind + " at delv").contains("fully validated");
    }

    @Test
    void answersKeepTheirMeaning() {
        assertThat(resolve("nope.lab.test.", "CAA").getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(answers(resolve("x.wild.lab.test.", "CAA"), Type.CAA)).singleElement().asString()
                .contains("wild.example");
        assertThat(answers(resolve("www.lab.test.", "CAA"), Type.CAA)).singleElement().asString().contains("pki.goog");
        assertThat(answers(resolve("acme.tenants.test.", "CAA"), Type.CAA)).singleElement().asString()
                .contains("acct/acme");
        assertThat(resolve("a.b.tenants.test.", "CAA").getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void theApiServesTheAnchorsTheCommandPrints() throws Exception {
        var reply = lab.call("GET", "/api/v1/dnssec/anchors", null);
        assertThat(reply.statusCode()).isEqualTo(200);
        String printed = SignedLab.cli("dnssec", "anchors", "--config", lab.config.toString()).strip();
        assertThat(reply.body()).contains(printed.replace("\t", "\\t"), "trust-anchors {", "static-ds");
    }

    @Test
    void aReferralToAnUnsignedChildIsProvablyInsecure() throws Exception {
        Message reply = resolve("plain.test.", "CAA");
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answers(reply, Type.CAA)).singleElement().asString().contains("insecure.example");
        assertThat(reply.getHeader().getFlag(Flags.AD)).as("insecure, not bogus: no AD").isFalse();
        assertThat(lab.delv("plain.test.", "CAA")).contains("unsigned answer");
    }

    @Test
    void aCaaSetChangedThroughTheApiIsSignedAnew() throws Exception {
        assertThat(lab.call("PUT", "/api/v1/zones/lab.test./rrsets/changed/CAA",
                "{\"ttl\":60,\"records\":[\"0 issue \\\"changed.example\\\"\"]}").statusCode()).isEqualTo(200);
        Message reply = resolve("changed.lab.test.", "CAA");
        assertThat(answers(reply, Type.CAA)).singleElement().asString().contains("changed.example");
        assertThat(reply.getHeader().getFlag(Flags.AD)).as("secure: " + reply).isTrue();
        assertThat(lab.delv("changed.lab.test.", "CAA")).contains("fully validated");
        assertThat(resolve("nope.lab.test.", "CAA").getHeader().getFlag(Flags.AD)).as("the new chain still denies").isTrue();
    }

    @ParameterizedTest(name = "{0} on {1} {2}")
    @CsvSource({
        "rrsig-expired,       shop.lab.test.,  CAA,    shop.lab.test.",
        "rrsig-not-yet-valid, shop.lab.test.,  CAA,    shop.lab.test.",
        "rrsig-missing,       shop.lab.test.,  CAA,    shop.lab.test.",
        "rrsig-bogus,         shop.lab.test.,  CAA,    shop.lab.test.",
        "rrsig-wrong-key,     shop.lab.test.,  CAA,    shop.lab.test.",
        "nsec-missing,        nope.lab.test.,  CAA,    nope.lab.test.",
        "rrsig-expired,       acme.tenants.test., CAA, acme.tenants.test.",
        "dnskey-missing,      lab.test.,       DNSKEY, shop.lab.test.",
        "ds-mismatch,         lab.test.,       DS,     shop.lab.test.",
    })
    void eachFaultMakesItsNameBogusAndNoOther(String action, String faultName, String faultType, String victim)
            throws Exception {
        String id = "v-" + action + "-" + faultName.replace('.', '-');
        assertThat(lab.call("POST", "/api/v1/faults", "{\"id\":\"" + id + "\",\"name\":\"" + faultName
                + "\",\"types\":[\"" + faultType + "\"],\"action\":\"" + action + "\"}").statusCode()).isEqualTo(201);
        try (UnboundResolver fresh = lab.freshResolver(id)) {
            Message bogus = resolve(fresh, victim, "CAA");
            assertThat(bogus.getRcode()).as(action + " makes " + victim + " bogus: " + bogus).isEqualTo(Rcode.SERVFAIL);
            assertThat(lab.delv(victim, "CAA")).as("delv on " + victim).doesNotContain("fully validated")
                    .containsAnyOf("resolution failed", "validation failure", "broken trust chain", "no valid");
            Message other = resolve(fresh, "test.", "SOA");
            assertThat(other.getHeader().getFlag(Flags.AD)).as("test. stays secure: " + other).isTrue();
            if (!faultName.equals("lab.test.")) {
                assertThat(resolve(fresh, "lab.test.", "CAA").getHeader().getFlag(Flags.AD))
                        .as("lab.test. stays secure").isTrue();
            }
        } finally {
            assertThat(lab.call("DELETE", "/api/v1/faults/" + id, null).statusCode()).isEqualTo(204);
        }
        assertThat(resolve(victim, "CAA").getHeader().getFlag(Flags.AD)).as("secure again without the fault").isTrue();
    }

    private static List<Record> answers(Message reply, int type) {
        return reply.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
    }
}
