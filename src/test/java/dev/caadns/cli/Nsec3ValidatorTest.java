package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3PARAMRecord;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.utils.base32;

/**
 * The same lab and the same verdicts as {@link DnssecValidatorTest} (every answer kind secure at
 * Unbound and delv, every fault bogus, nsec-missing included) with {@code dnssec.nsec3 = true}: each
 * zone denies with NSEC3 (RFC 5155), the zone with templates that make names up with white lies.
 * Here also what caadns itself sends: NSEC3 and never NSEC, exactly the records RFC 5155 §7.2 asks
 * for, and white lies that cover only the hash denied.
 */
class Nsec3ValidatorTest extends DnssecValidatorTest {
    private static final base32 BASE32HEX = new base32(base32.Alphabet.BASE32HEX, false, false);
    private final DnsTestClient direct = new DnsTestClient(Duration.ofSeconds(5));

    @Override
    String denial() {
        return "nsec3 = true";
    }

    private Message ask(String name, String type) throws java.io.IOException {
        InetSocketAddress udp = lab.server.udpAddresses().get(0);
        byte[] query = Queries.query(7, Queries.name(name), Type.value(type), 1232, true).toWire();
        return new Message(direct.udpRaw(udp, query, Duration.ofSeconds(5)));
    }

    @ParameterizedTest(name = "{0} {1}: {3}")
    @CsvSource({
        "nope.lab.test.,      CAA, 3, NXDOMAIN: closest encloser, next closer, wildcard",
        "z.c.lab.test.,       CAA, 3, NXDOMAIN below an empty non-terminal",
        "shop.lab.test.,      TXT, 1, NODATA: the matching NSEC3",
        "b.c.lab.test.,       CAA, 1, NODATA at an empty non-terminal: its own NSEC3",
        "x.wild.lab.test.,    CAA, 1, wildcard answer: the next closer covered",
        "x.y.wild.lab.test.,  CAA, 1, wildcard answer two labels down: the next closer covered",
        "x.wild.lab.test.,    TXT, 3, wildcard NODATA: closest encloser proof and the wildcard matched",
        "plain.test.,         DS,  1, no DS at an unsigned delegation",
        "a.b.tenants.test.,   CAA, 3, NXDOMAIN by white lies",
        "acme.tenants.test.,  A,   1, NODATA at a synthesized name by a white lie",
    })
    void proofsAreExactlyRfc5155s(String name, String type, int records, String kind) throws Exception {
        Message reply = ask(name, type);
        List<Record> authority = reply.getSection(Section.AUTHORITY);
        assertThat(authority).as(kind + ": " + reply).noneMatch(r -> r.getType() == Type.NSEC);
        List<Record> nsec3 = authority.stream().filter(r -> r.getType() == Type.NSEC3).toList();
        assertThat(nsec3).as(kind + ": " + reply).hasSize(records);
        for (Record r : nsec3) {
            assertThat(authority).as("signed: " + r).anyMatch(s -> s instanceof org.xbill.DNS.RRSIGRecord sig
                    && sig.getName().equals(r.getName()) && sig.getTypeCovered() == Type.NSEC3);
            NSEC3Record n = (NSEC3Record) r;
            assertThat(n.getIterations()).as("RFC 9276: no extra iterations").isZero();
            assertThat(n.getSalt()).as("RFC 9276: no salt").isNullOrEmpty();
            assertThat(n.getFlags()).as("no opt-out").isZero();
        }
    }

    @Test
    void whiteLiesCoverOnlyTheHashDenied() throws Exception {
        Message reply = ask("a.b.tenants.test.", "CAA");
        List<NSEC3Record> nsec3 = reply.getSection(Section.AUTHORITY).stream()
                .filter(r -> r instanceof NSEC3Record).map(r -> (NSEC3Record) r).toList();
        // b.tenants.test. exists by the template {t}.tenants.test.: it is the closest encloser
        BigInteger two = BigInteger.TWO;
        int covering = 0;
        for (NSEC3Record n : nsec3) {
            BigInteger owner = new BigInteger(1, BASE32HEX.fromString(n.getName().getLabelString(0)));
            BigInteger next = new BigInteger(1, n.getNext());
            BigInteger span = next.subtract(owner);
            assertThat(span).as("a white lie spans one or two hashes: " + n).isIn(BigInteger.ONE, two);
            if (span.equals(two)) {
                covering++;
                BigInteger denied = owner.add(BigInteger.ONE);
                assertThat(denied).as("covers the next closer or the wildcard")
                        .isIn(hash(n, "a.b.tenants.test."), hash(n, "*.b.tenants.test."));
            } else {
                assertThat(owner).as("matches the closest encloser").isEqualTo(hash(n, "b.tenants.test."));
            }
        }
        assertThat(covering).as("next closer and wildcard covered").isEqualTo(2);
    }

    private static BigInteger hash(NSEC3Record n, String name) throws Exception {
        return new BigInteger(1, n.hashName(Name.fromString(name)));
    }

    @Test
    void theApexPublishesNsec3param() throws Exception {
        List<Record> answer = ask("lab.test.", "NSEC3PARAM").getSection(Section.ANSWER);
        assertThat(answer).anyMatch(r -> r instanceof NSEC3PARAMRecord p && p.getIterations() == 0
                && p.getHashAlgorithm() == NSEC3Record.SHA1_DIGEST_ID);
        assertThat(answer).anyMatch(r -> r.getType() == Type.RRSIG);
    }
}
