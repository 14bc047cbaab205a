package dev.caadns.dnssec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.caadns.answer.ZoneSynthesis;
import dev.caadns.testsupport.Command;
import dev.caadns.zone.ZoneIndex;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The signatures of a whole zone as the signer makes them (in parallel, over the index's wire bytes,
 * with the JDK's ECDSA and Ed25519): every RRSIG of a dumped zone passes dnsjava's verifier (the
 * JDK's crypto over dnsjava's own canonical form) and BIND's dnssec-verify, and for Ed25519, which
 * is deterministic, each equals byte for byte what dnsjava's DNSSEC.sign makes over the same RRset.
 */
class ZoneSigningTest {
    private static final Name ZONE = Name.fromConstantString("sign.test.");

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Algorithm.class, names = {"ECDSAP256SHA256", "ED25519"})
    void everySignatureOfAZoneVerifiesAndEd25519EqualsTheReferenceSigner(Algorithm algorithm) throws Exception {
        Path dump = dump(algorithm);
        DNSKEYRecord dnskey = null;
        Map<String, RRset> sets = new LinkedHashMap<>();
        List<RRSIGRecord> rrsigs = new ArrayList<>();
        try (Master master = new Master(dump.toString(), ZONE)) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                if (r instanceof RRSIGRecord sig) {
                    rrsigs.add(sig);
                    continue;
                }
                if (r instanceof DNSKEYRecord key) {
                    dnskey = key;
                }
                sets.computeIfAbsent(r.getName().canonicalize() + "/" + r.getType(), k -> new RRset()).addRR(r);
            }
        }
        assertThat(dnskey).isNotNull();
        // 300 names of A, CAA, NSEC each, plus the apex, delegations and the rest: the parallel path
        assertThat(rrsigs).hasSizeGreaterThan(900);
        ZoneKey key = new KeyFiles(dir.resolve("keys")).load(ZONE).get(0);
        for (RRSIGRecord sig : rrsigs) {
            RRset covered = sets.get(sig.getName().canonicalize() + "/" + sig.getTypeCovered());
            assertThat(covered).as("the RRset %s signs", sig).isNotNull();
            DNSKEYRecord signer = dnskey;
            assertThatCode(() -> DNSSEC.verify(covered, sig, signer, sig.getTimeSigned()))
                    .as("%s", sig).doesNotThrowAnyException();
            if (algorithm == Algorithm.ED25519) {
                RRSIGRecord reference = DNSSEC.sign(covered, dnskey, key.privateKey(), sig.getTimeSigned(),
                        sig.getExpire());
                assertThat(sig.rdataToString()).as("signature over %s", covered).isEqualTo(reference.rdataToString());
            }
        }
        Command.require("dnssec-verify", "bind9-utils");
        Process verify = new ProcessBuilder("dnssec-verify", "-z", "-o", ZONE.toString(), dump.toString())
                .redirectErrorStream(true).start();
        assertThat(verify.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(verify.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).contains("Zone fully signed");
    }

    /** A zone with every kind of RRset the signer treats apart, as `caadns dnssec dump` prints it signed. */
    private Path dump(Algorithm algorithm) throws Exception {
        StringBuilder zone = new StringBuilder("""
                $ORIGIN sign.test.
                $TTL 300
                @ SOA ns1.Sign.Test. hostmaster.sign.test. 7 3600 600 86400 60
                @ NS ns1
                @ NS NS2.Elsewhere.Example.
                @ MX 10 Mail.SIGN.test.
                ns1 A 192.0.2.53
                Mail A 192.0.2.25
                Www CNAME Web.Sign.Test.
                web A 192.0.2.80
                web AAAA 2001:db8::80
                *.Wild 600 CAA 0 issue "ca.example.net"
                _srv._tcp SRV 0 5 443 Web.Sign.Test.
                txt TXT "two" "strings" "Case Kept"
                child NS ns.child
                child DS 12345 13 2 0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF0123456789ABCDEF
                ns.child A 192.0.2.99
                """);
        for (int i = 0; i < 300; i++) {
            zone.append("H").append(i).append(" A 192.0.2.").append(i % 250).append('\n');
            zone.append("h").append(i).append(" CAA 0 issue \"ca").append(i % 7).append(".example\"\n");
            if (i % 3 == 0) {
                zone.append("h").append(i).append(" CAA 0 iodef \"mailto:pki@example.net\"\n");
            }
        }
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(new java.io.ByteArrayInputStream(zone.toString().getBytes(StandardCharsets.UTF_8)))) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        }
        DnssecSettings settings = new DnssecSettings(true, Set.of(), dir.resolve("keys"), algorithm, false,
                Duration.ofDays(14), Duration.ofDays(7));
        Signing signing = new Signing(settings, ZoneSynthesis.NONE, Clock.systemUTC());
        // what `caadns dnssec dump` prints
        String text = signing.signedText(List.of(ZoneIndex.of(ZONE, records)), ZONE);
        Path dump = dir.resolve("sign.test.signed");
        Files.writeString(dump, text);
        return dump;
    }
}
