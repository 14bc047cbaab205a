package dev.caadns.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Name;

/**
 * {@link ExplainNsecProofTest} with {@code dnssec.nsec3 = true}: explain reads what NSEC3 records
 * prove (RFC 5155 §8): caadns's own proofs, chain and white lies, hold for the name asked; a signed,
 * valid NSEC3 proof for another name, replayed, is bogus, with what it fails to prove.
 */
class ExplainNsec3ProofTest extends ExplainNsecProofTest {
    @Override
    String denial() {
        return ", nsec3 = true ";
    }

    @Override
    @ParameterizedTest(name = "{0} answered with the proof for {1}")
    @CsvSource({
        "a.b.c.lab.test.,   nope.lab.test.,    no NSEC3 covers the next closer name c.lab.test.",
        "nope.lab.test.,    ns.lab.test.,      no NSEC3 matches nope.lab.test. or a wildcard",
        "q.r.tenants.test., a.b.tenants.test., no NSEC3 matches an ancestor of q.r.tenants.test.",
        "zzz.lab.test.,     nope.lab.test.,    no NSEC3 covers the next closer name zzz.lab.test.",
    })
    void aValidProofForAnotherNameIsBogus(String asked, String replayed, String problem) {
        bogusWhenReplayed(asked, replayed, problem);
    }

    /** The NSEC3 covering y.wild.lab.test. swapped for those of another name's NXDOMAIN. */
    @Override
    @Test
    void aWildcardAnswerWithoutTheProofThatNoCloserNameExistsIsBogus() {
        bogusWithAuthorityOf(Name.fromConstantString("x.y.wild.lab.test."), Name.fromConstantString("nope.lab.test."),
                "no NSEC3 covers the next closer name y.wild.lab.test.");
    }
}
