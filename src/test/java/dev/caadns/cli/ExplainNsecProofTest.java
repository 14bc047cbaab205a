package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.answer.Lookup;
import dev.caadns.dnssec.ValidationCheck;
import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * explain's DNSSEC verdict reads what the NSEC records of a negative answer prove, not only that
 * they are signed: caadns's own proofs (static chain and online RFC 4470 ones) hold for the name
 * asked, and a signed, valid proof about another name, replayed for this one, is bogus, with the
 * names it covers in the verdict.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplainNsecProofTest {
    private CaadnsTarget caadns;
    private final DnsTestClient client = new DnsTestClient();

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Path zones = Files.createDirectories(dir.resolve("zones"));
        Files.writeString(zones.resolve("lab.test.zone"), SignedLab.LAB);
        Files.writeString(zones.resolve("tenants.test.zone"), SignedLab.TENANTS);
        Path config = dir.resolve("lab.conf");
        Files.writeString(config, """
                zones.directory = "zones"
                management.listen = ""
                dnssec { sign = true, key-directory = "keys" %s}
                caa.templates = [{ match = "{t}.tenants.test.", applies-to = any, records = ["0 issue \\"ca.example\\""] }]
                """.formatted(denial()));
        caadns = CaadnsTarget.start(Optional.of(config), Map.of(), Map.of());
    }

    /** Keys of the dnssec block that choose how the zones deny: here NSEC, the default. */
    String denial() {
        return "";
    }

    @AfterAll
    void stop() {
        if (caadns != null) {
            caadns.close();
        }
    }

    Message ask(Name name, int type) {
        return client.udp(caadns, Queries.query(1, name, type, 1232, true));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
        "nope.lab.test.,       NXDOMAIN",
        "x.y.nope.lab.test.,   NXDOMAIN below a missing name",
        "shop.lab.test.,       positive answer",
        "ns.lab.test.,         NODATA",
        "b.c.lab.test.,        NODATA at an empty non-terminal",
        "x.wild.lab.test.,     wildcard answer",
        "www.lab.test.,        CNAME to a positive answer",
        "a.b.tenants.test.,    NXDOMAIN denied online (RFC 4470)",
        "acme.tenants.test.,   CAA synthesized at a made-up name",
    })
    void caadnssOwnAnswersProveWhatTheySay(String name, String kind) {
        ValidationCheck.Result r = new ValidationCheck(lookup(Map.of())).check(List.of(Name.fromConstantString(name)));
        assertThat(r.status()).as(kind + ": " + r.detail()).isEqualTo(ValidationCheck.Status.SECURE);
    }

    @ParameterizedTest(name = "{0} answered with the proof for {1}")
    @CsvSource({
        "other.lab.test.,   nope.lab.test.,   no NSEC covers other.lab.test.",
        "zzz.lab.test.,     nope.lab.test.,   no NSEC covers zzz.lab.test.",
        "a.b.c.lab.test.,   nope.lab.test.,   the NSEC at a.b.c.lab.test. says it exists",
        "nope.lab.test.,    ns.lab.test.,     no NSEC at or covering nope.lab.test.",
        "q.r.tenants.test., a.b.tenants.test., no NSEC covers q.r.tenants.test.",
    })
    void aValidProofForAnotherNameIsBogus(String asked, String replayed, String problem) {
        bogusWhenReplayed(asked, replayed, problem);
    }

    /** asked answered with replayed's reply (its question kept) is bogus, for this problem. */
    void bogusWhenReplayed(String asked, String replayed, String problem) {
        Name victim = Name.fromConstantString(asked);
        ValidationCheck.Result r = new ValidationCheck(lookup(Map.of(victim, Name.fromConstantString(replayed))))
                .check(List.of(victim));
        assertThat(r.status()).as(r.detail()).isEqualTo(ValidationCheck.Status.BOGUS);
        assertThat(r.detail()).contains("the NSEC proof does not hold", problem);
    }

    @Test
    void aWildcardAnswerWithoutTheProofThatNoCloserNameExistsIsBogus() {
        bogusWithAuthorityOf(Name.fromConstantString("x.wild.lab.test."), null,
                "no NSEC proves x.wild.lab.test. does not exist");
    }

    /**
     * A wildcard answer for asked whose authority section is that of other's reply (none when null)
     * is bogus, for this problem.
     */
    void bogusWithAuthorityOf(Name asked, Name other, String problem) {
        Lookup stripped = new Lookup() {
            @Override
            public Message ask(Name qname, int qtype) {
                return askWithDnssec(qname, qtype);
            }

            @Override
            public Message askWithDnssec(Name qname, int qtype) {
                Message reply = ExplainNsecProofTest.this.ask(qname, qtype);
                if (qname.equals(asked)) {
                    reply.removeAllRecords(Section.AUTHORITY); // the proof that no closer name exists
                    if (other != null) {
                        ExplainNsecProofTest.this.ask(other, qtype).getSection(Section.AUTHORITY)
                                .forEach(rr -> reply.addRecord(rr, Section.AUTHORITY));
                    }
                }
                return reply;
            }
        };
        ValidationCheck.Result r = new ValidationCheck(stripped).check(List.of(asked));
        assertThat(r.status()).as(r.detail()).isEqualTo(ValidationCheck.Status.BOGUS);
        assertThat(r.detail()).contains("wildcard", problem);
    }

    /** caadns over UDP with DO, each name in replays answered with the reply for another, its question kept. */
    Lookup lookup(Map<Name, Name> replays) {
        return new Lookup() {
            @Override
            public Message ask(Name qname, int qtype) {
                return askWithDnssec(qname, qtype);
            }

            @Override
            public Message askWithDnssec(Name qname, int qtype) {
                Name decoy = replays.get(qname);
                if (decoy == null) {
                    return ExplainNsecProofTest.this.ask(qname, qtype);
                }
                Message reply = ExplainNsecProofTest.this.ask(decoy, qtype);
                reply.removeAllRecords(Section.QUESTION);
                reply.addRecord(Record.newRecord(qname, qtype, org.xbill.DNS.DClass.IN), Section.QUESTION);
                return reply;
            }
        };
    }
}
