package dev.caadns.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.KnotServer;
import dev.caadns.testsupport.Queries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * caadns's NSEC3 proofs against Knot's for the same zone: knotd signs it with {@code nsec3: on},
 * no salt and no extra iterations (RFC 9276), caadns with {@code dnssec.nsec3 = true}; with the
 * same names and parameters both chains hash alike, so for every answer kind the NSEC3 records in
 * the authority section (owner, next hashed owner, types, TTL) must be the same set.
 */
class Nsec3KnotTest {
    static final Name ORIGIN = Queries.name("cmp.test.");
    static final String ZONE = """
            $ORIGIN cmp.test.
            $TTL 300
            @        SOA ns.cmp.test. hostmaster.cmp.test. 1 7200 3600 1209600 60
                     NS  ns
            ns       A   127.0.0.1
            @        CAA 0 issue "letsencrypt.org"
            shop     CAA 0 issue "pki.goog"
                     A   127.0.0.1
            www      CNAME shop
            *.wild   CAA 0 issue "wild.example"
            a.b.c    A   127.0.0.1
            sub      NS  ns.sub
            ns.sub   A   127.0.0.1
            """;
    /** Each answer kind RFC 5155 §7.2 has a proof for. */
    private static final List<String> QUESTIONS = List.of(
            "nope CAA", "x.a.b.c CAA", "z.c CAA", "shop TXT", "@ TXT", "b.c CAA", "c TXT", "x.wild CAA",
            "x.y.wild CAA", "x.wild TXT", "sub DS", "sub CAA", "x.sub A", "www TXT", "shop DS");

    @TempDir
    Path dir;

    @Test
    void proofsAreKnotsProofs() throws Exception {
        KnotServer.assumeInstalled();
        Path knotDir = Files.createDirectory(dir.resolve("knot"));
        Path zoneFile = knotDir.resolve("cmp.test.zone");
        Files.writeString(zoneFile, ZONE);
        Path zones = Files.createDirectory(dir.resolve("zones"));
        Files.writeString(zones.resolve("cmp.test.zone"), ZONE);
        Path config = dir.resolve("caadns.conf");
        Files.writeString(config, """
                zones.directory = "zones"
                management.listen = ""
                dnssec { sign = true, key-directory = "keys", nsec3 = true }
                """);
        // caadns publishes no CDS/CDNSKEY: Knot must not either, or the apex's types differ
        String policy = """
                policy:
                  - id: nsec3
                    single-type-signing: on
                    nsec3: on
                    nsec3-iterations: 0
                    nsec3-salt-length: 0
                    cds-cdnskey-publish: none
                """;
        DnsTestClient client = new DnsTestClient();
        List<String> mismatches = new ArrayList<>();
        int id = 1;
        try (DnsTarget knot = KnotServer.start(knotDir, Map.of(ORIGIN, zoneFile), List.of(), policy,
                List.of("dnssec-signing: on", "dnssec-policy: nsec3"));
             DnsTarget caadns = CaadnsTarget.start(Optional.of(config), Map.of(), Map.of())) {
            for (String question : QUESTIONS) {
                String[] parts = question.split(" ");
                Name name = Name.fromString(parts[0], ORIGIN);
                Message query = Queries.query(id++, name, Type.value(parts[1]), 1232, true);
                Message theirs = client.udp(knot, query);
                Message ours = client.udp(caadns, query);
                assertThat(proof(theirs)).as("Knot signs with NSEC3 for " + question + ": " + theirs).isNotEmpty();
                if (!proof(ours).equals(proof(theirs)) || ours.getRcode() != theirs.getRcode()) {
                    mismatches.add(question + "\n  caadns: " + proof(ours) + "\n  knot:   " + proof(theirs));
                }
            }
        }
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
    }

    /** The NSEC3 records of the authority section, as owner, TTL and RDATA. */
    private static TreeSet<String> proof(Message reply) {
        TreeSet<String> out = new TreeSet<>();
        reply.getSection(Section.AUTHORITY).stream().filter(r -> r instanceof NSEC3Record)
                .forEach(r -> out.add(r.getName() + " " + r.getTTL() + " " + r.rdataToString()));
        return out;
    }
}
