package dev.caadns.dnssec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.caadns.zone.RRset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.DNSKEYRecord;
import org.xbill.DNS.DNSSEC;
import org.xbill.DNS.Name;
import org.xbill.DNS.RRSIGRecord;
import org.xbill.DNS.Record;

/**
 * Keys made with the JDK, written in BIND's format and read back: same DNSKEY, mode 0600, signatures
 * dnsjava's independent verifier accepts, and a DS that BIND's dnssec-dsfromkey computes alike.
 */
class KeyFilesTest {
    private static final Name ZONE = Name.fromConstantString("lab.test.");

    @ParameterizedTest
    @EnumSource(Algorithm.class)
    void keysSurviveTheirFilesAndSignVerifiably(Algorithm algorithm, @TempDir Path dir) throws Exception {
        KeyFiles files = new KeyFiles(dir.resolve("keys"));
        ZoneKey made = files.generate(ZONE, algorithm, true);
        List<ZoneKey> loaded = files.load(ZONE);
        assertThat(loaded).singleElement().isEqualTo(made);
        assertThat(loaded.get(0).keyTag()).isEqualTo(made.keyTag());
        try (var listing = Files.list(dir.resolve("keys"))) {
            assertThat(listing.toList()).hasSize(2).allSatisfy(f -> {
                assertThat(f.getFileName().toString()).startsWith(String.format("Klab.test.+%03d+%05d",
                        algorithm.number(), made.keyTag()));
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).isEqualTo("rw-------");
            });
        }
        ZoneKey key = loaded.get(0);
        CAARecord caa = new CAARecord(ZONE, DClass.IN, 300, 0, "issue", "letsencrypt.org");
        byte[] owner = ZONE.toWireCanonical();
        long now = Instant.now().getEpochSecond();
        byte[] rrsig = RrsigMaker.sign(key, owner, owner, 257, 300, new byte[][] {caa.rdataToWireCanonical()},
                now - 60, now + 3600);
        RRSIGRecord sig = (RRSIGRecord) Record.newRecord(ZONE, 46, DClass.IN, 300, rrsig);
        DNSKEYRecord dnskey = (DNSKEYRecord) Record.newRecord(ZONE, 48, DClass.IN, 3600, key.dnskeyRdata());
        org.xbill.DNS.RRset set = new org.xbill.DNS.RRset(caa);
        assertThatCode(() -> DNSSEC.verify(set, sig, dnskey)).doesNotThrowAnyException();
        assertThat(dnskey.getFootprint()).isEqualTo(key.keyTag());
        assertThat(RrsigMaker.rrset(owner, 300, rrsig)).isInstanceOf(RRset.class);

        Path dsfromkey = Path.of("/usr/bin/dnssec-dsfromkey");
        dev.caadns.testsupport.Command.require(dsfromkey.toString(), "bind9-utils");
        Path keyFile;
        try (var listing = Files.list(dir.resolve("keys"))) {
            keyFile = listing.filter(f -> f.toString().endsWith(".key")).findFirst().orElseThrow();
        }
        Process p = new ProcessBuilder(dsfromkey.toString(), "-2", keyFile.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
        String bind = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        byte[] ds = key.dsRdata();
        assertThat(bind).contains(key.keyTag() + " " + algorithm.number() + " 2 "
                + HexFormat.of().withUpperCase().formatHex(ds, 4, ds.length));
    }
}
