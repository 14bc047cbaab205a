package dev.caadns.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;

/** The NSEC3 hash against RFC 5155 Appendix A's example zone (salt aabbccdd, 12 iterations) and dnsjava. */
class Nsec3HashTest {
    private static final Nsec3Hash APPENDIX_A = new Nsec3Hash(HexFormat.of().parseHex("aabbccdd"), 12);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "example.,          0p9mhaveqvm6t7vbl5lop2u3t2rp3tom",
        "a.example.,        35mthgpgcu1qg68fab165klnsnk3dpvl",
        "ai.example.,       gjeqe526plbf1g8mklp59enfd789njgi",
        "ns1.example.,      2t7b4g4vsa5smi47k61mv5bv1a22bojr",
        "ns2.example.,      q04jkcevqvmu85r014c7dkba38o0ji5r",
        "w.example.,        k8udemvp1j2f7eg6jebps17vp3n8i58h",
        "*.w.example.,      r53bq7cc2uvmubfu5ocmm6pers9tk9en",
        "x.w.example.,      b4um86eghhds6nea196smvmlo4ors995",
        "y.w.example.,      ji6neoaepv8b5o6k4ev33abha8ht9fgc",
        "x.y.w.example.,    2vptu5timamqttgl4luu9kg21e0aor3s",
        "xx.example.,       t644ebqk9bibcna874givr6joj62mlhv",
        "A.EXAMPLE.,        35mthgpgcu1qg68fab165klnsnk3dpvl",
    })
    void hashesAsRfc5155AppendixA(String name, String hashed) throws Exception {
        byte[] wire = Name.fromString(name).toWire();
        byte[] digest = APPENDIX_A.hash(wire, 0, wire.length);
        assertThat(new String(Nsec3Hash.base32hex(digest), StandardCharsets.US_ASCII)).isEqualTo(hashed);
        byte[] owner = Nsec3Hash.owner(digest, Name.fromString("example.").toWireCanonical());
        assertThat(new Name(owner).toString()).isEqualTo(hashed + ".example.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lab.test.", "_acme-challenge.www.lab.test.", "*.wild.lab.test.", "."})
    void hashesAsDnsjavaWithNoSaltAndNoIterations(String name) throws Exception {
        Nsec3Hash rfc9276 = new Nsec3Hash(new byte[0], 0);
        byte[] wire = Name.fromString(name).toWire();
        byte[] expected = new NSEC3Record(Name.root, 1, 0, NSEC3Record.SHA1_DIGEST_ID, 0, 0, new byte[0],
                new byte[20], new int[0]).hashName(Name.fromString(name));
        assertThat(rfc9276.hash(wire, 0, wire.length)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({
        "00ff, 1,  0100",
        "ffff, 1,  0000",
        "0100, -1, 00ff",
        "0000, -1, ffff",
    })
    void stepsAWhiteLieOneHashAway(String digest, int delta, String expected) {
        assertThat(HexFormat.of().formatHex(Nsec3Hash.step(HexFormat.of().parseHex(digest), delta))).isEqualTo(expected);
    }
}
