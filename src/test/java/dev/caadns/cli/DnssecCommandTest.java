package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import dev.caadns.testsupport.Command;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import picocli.CommandLine;

/**
 * {@code caadns dnssec anchors} and {@code dump}: the anchor is the DS of each signed zone whose
 * parent caadns does not sign, the same on every run and the one serve then signs with (key files
 * survive a restart); a dumped signed zone passes BIND's dnssec-verify and ldns-verify-zone, one
 * denied online (templates make its names) too, with a chain over the names written out.
 */
class DnssecCommandTest {
    @TempDir
    Path dir;
    Path config;

    @BeforeEach
    void lab() throws Exception {
        Path zones = Files.createDirectories(dir.resolve("zones"));
        Files.writeString(zones.resolve("test.zone"), SignedLab.TEST);
        Files.writeString(zones.resolve("lab.test.zone"), SignedLab.LAB);
        Files.writeString(zones.resolve("plain.test.zone"), SignedLab.PLAIN);
        Files.writeString(zones.resolve("tenants.test.zone"), SignedLab.TENANTS);
        Files.writeString(dir.resolve("tenants.csv"), "t\nacme\nglobex\n");
        config = dir.resolve("lab.conf");
        Files.writeString(config, """
                zones.directory = "zones"
                management.listen = ""
                dnssec { sign = true, zones = ["test.", "lab.test.", "tenants.test."], key-directory = "keys" }
                caa.templates = [
                  { match = "*.apps.lab.test.", issue = ["pki.goog"] }
                  { match = "{t}.tenants.test.", table = "tenants.csv", applies-to = any, issue = ["ca.example"] }
                ]
                """);
    }

    @Test
    void anchorsAreTheTopSignedZonesDsAndStayTheSame() {
        String first = SignedLab.cli("dnssec", "anchors", "--config", config.toString());
        assertThat(first.lines().toList()).singleElement().asString()
                .matches("test\\.\\s+300\\s+IN\\s+DS\\s+\\d+ 13 2 [0-9A-F]{64}");
        assertThat(SignedLab.cli("dnssec", "anchors", "--config", config.toString())).isEqualTo(first);
        String digest = first.strip().replaceAll(".* ", "");
        assertThat(SignedLab.cli("dnssec", "anchors", "--config", config.toString(), "--format", "bind"))
                .startsWith("trust-anchors {\n    test. static-ds ").contains("\"" + digest + "\";").endsWith("};\n");
        assertThat(SignedLab.cli("dnssec", "anchors", "--config", config.toString(), "--format", "unbound"))
                .contains(first);
    }

    @Test
    void theDefaultKeyFolderSitsBesideTheConfigFileNotInTheWorkingDirectory() throws Exception {
        Path other = Files.createDirectories(dir.resolve("elsewhere"));
        Path conf = other.resolve("default-keys.conf");
        Files.writeString(conf, "zones.directory = \"" + dir.resolve("zones") + "\"\n"
                + "management.listen = \"\"\ndnssec { sign = true, zones = [\"test.\"] }\n");
        String anchor = SignedLab.cli("dnssec", "anchors", "--config", conf.toString());
        try (Stream<Path> keys = Files.list(other.resolve("keys"))) {
            assertThat(keys.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("Ktest.+013+") && n.endsWith(".private"));
        }
        int tag = Integer.parseInt(anchor.strip().split("\\s+")[4]);
        assertThat(Path.of("keys", String.format("Ktest.+013+%05d.key", tag))).doesNotExist();
        assertThat(SignedLab.cli("dnssec", "anchors", "--config", conf.toString())).isEqualTo(anchor);
    }

    @Test
    void withoutSigningAnchorsSaysSo() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine cmd = Main.commandLine();
        cmd.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        assertThat(cmd.execute("dnssec", "anchors", "--zones", dir.resolve("zones").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("set dnssec.sign = true");
    }

    @Test
    void aDumpedSignedZonePassesBindAndLdnsVerifiers() throws Exception {
        for (String zone : List.of("lab.test.", "test.", "tenants.test.")) {
            Path dump = dir.resolve(zone + "signed");
            Files.writeString(dump, SignedLab.cli("dnssec", "dump", "--config", config.toString(), zone));
            assertThat(Files.readString(dump)).contains("RRSIG", "NSEC", "DNSKEY");
            if (zone.equals("tenants.test.")) { // denied online when served: the dump has a chain over the table
                assertThat(Files.readString(dump)).containsPattern("acme\\.tenants\\.test\\.\\s+\\d+\\s+IN\\s+NSEC\\s+globex")
                        .containsPattern("globex\\.tenants\\.test\\.\\s+\\d+\\s+IN\\s+RRSIG\\s+CAA");
            }
            assertThat(run("ldns-verify-zone", dump.toString())).contains("Zone is verified and complete");
            assertThat(run("dnssec-verify", "-z", "-o", zone, dump.toString())).contains("Zone fully signed");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"nsec3 = true",
        "nsec3 = true, nsec3-iterations = 3, nsec3-salt-length = 8", "nsec3 = true, nsec3-zones = [\"lab.test.\"]"})
    void aDumpedNsec3ZonePassesBindAndLdnsVerifiers(String nsec3) throws Exception {
        Files.writeString(config, Files.readString(config).replace("key-directory = \"keys\"",
                "key-directory = \"keys\", " + nsec3));
        for (String zone : List.of("lab.test.", "test.")) {
            Path dump = dir.resolve(zone + "signed");
            String text = SignedLab.cli("dnssec", "dump", "--config", config.toString(), zone);
            Files.writeString(dump, text);
            boolean hashed = !nsec3.contains("nsec3-zones") || zone.equals("lab.test.");
            assertThat(text.contains("\tNSEC3PARAM\t")).as(zone + " has NSEC3PARAM").isEqualTo(hashed);
            assertThat(text.contains("\tNSEC\t")).as(zone + " has NSEC").isEqualTo(!hashed);
            assertThat(run("ldns-verify-zone", dump.toString())).contains("Zone is verified and complete");
            assertThat(run("dnssec-verify", "-z", "-o", zone, dump.toString())).contains("Zone fully signed");
        }
        Path broken = dir.resolve("broken.signed");
        String dumped = Files.readString(dir.resolve("lab.test.signed"));
        String firstHash = dumped.lines().filter(l -> l.contains("\tNSEC3\t")).findFirst().orElseThrow().split("\t")[0];
        Files.writeString(broken, String.join("\n", dumped.lines().filter(l -> !l.startsWith(firstHash)).toList()));
        Process p = new ProcessBuilder("dnssec-verify", "-z", "-o", "lab.test.", broken.toString())
                .redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("a chain with a link missing fails: "
                + new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isNotZero();
    }

    @Test
    void theReadmesNsec3LineSignsWithNsec3() throws Exception {
        String line = Files.readAllLines(Path.of("README.md")).stream()
                .filter(l -> l.startsWith("dnssec { sign = true, nsec3 = true }")).findFirst().orElseThrow();
        Files.writeString(config, "zones.directory = \"zones\"\nmanagement.listen = \"\"\n" + line
                + "\ndnssec.key-directory = \"keys\"\n"); // in the test's folder, not the working one
        Path dump = dir.resolve("readme.signed");
        Files.writeString(dump, SignedLab.cli("dnssec", "dump", "--config", config.toString(), "lab.test."));
        assertThat(Files.readString(dump)).contains("\tNSEC3PARAM\t1 0 0 -", "\tNSEC3\t1 0 0 -");
        assertThat(run("ldns-verify-zone", dump.toString())).contains("Zone is verified and complete");
    }

    @Test
    void explainJudgesNsec3ProofsToo() throws Exception {
        Files.writeString(config, Files.readString(config).replace("key-directory = \"keys\"",
                "key-directory = \"keys\", nsec3 = true"));
        assertThat(SignedLab.cli("explain", "nope.lab.test", "--ca", "letsencrypt.org", "--config", config.toString()))
                .contains("dnssec: secure", "proven absent");
        Files.writeString(config, Files.readString(config)
                + "\nfaults = [{ name = \"nope.lab.test.\", types = [\"CAA\"], action = \"nsec-missing\" }]\n");
        assertThat(SignedLab.cli("explain", "nope.lab.test.", "--ca", "pki.goog", "--config", config.toString()))
                .contains("dnssec: bogus", "without NSEC proof", "a CA must refuse to issue");
        Files.writeString(config, Files.readString(config).replaceAll("(?s)\nfaults = .*", "")
                + "\nfaults = [{ name = \"plain.test.\", types = [\"CAA\"], action = \"servfail\" }]\n");
        assertThat(SignedLab.cli("explain", "plain.test.", "--ca", "pki.goog", "--config", config.toString()))
                .contains("dnssec: insecure", "which test. proves is delegated without DS");
    }

    @Test
    void explainSaysWhetherTheAnswersValidate() throws Exception {
        String secure = SignedLab.cli("explain", "shop.lab.test", "--ca", "pki.goog", "--config", config.toString());
        assertThat(secure).contains("verdict: permit", "dnssec: secure", "chain from trust anchor test. -> lab.test.",
                "a CA may use this answer");
        String absent = SignedLab.cli("explain", "nope.lab.test", "--ca", "letsencrypt.org", "--config", config.toString());
        assertThat(absent).contains("dnssec: secure", "proven absent");
        assertThat(SignedLab.cli("explain", "plain.test", "--ca", "insecure.example", "--config", config.toString()))
                .contains("dnssec: insecure", "zone plain.test. is not signed");
        for (String fault : List.of("rrsig-expired", "rrsig-bogus", "rrsig-missing", "rrsig-wrong-key", "nsec-missing")) {
            String name = fault.equals("nsec-missing") ? "nope.lab.test." : "shop.lab.test.";
            Files.writeString(config, Files.readString(config).replaceAll("(?s)\nfaults = .*", "")
                    + "\nfaults = [{ name = \"" + name + "\", types = [\"CAA\"], action = \"" + fault + "\" }]\n");
            String bogus = SignedLab.cli("explain", name, "--ca", "pki.goog", "--config", config.toString());
            assertThat(bogus).as(fault).contains("dnssec: bogus", "a CA must refuse to issue", "BR §3.2.2.8.1");
        }
        Files.writeString(config, Files.readString(config).replaceAll("(?s)\nfaults = .*", "")
                + "\nfaults = [{ name = \"lab.test.\", types = [\"DS\"], action = \"ds-mismatch\" }]\n");
        assertThat(SignedLab.cli("explain", "shop.lab.test", "--ca", "pki.goog", "--config", config.toString(),
                "--format", "json")).contains("\"status\" : \"bogus\"", "no DS of lab.test. at its parent matches");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({"ECDSAP256SHA256, ksk-zsk", "ED25519, csk", "ED25519, ksk-zsk",
        "RSASHA256, csk"})
    void otherAlgorithmsAndSplitKeysVerifyToo(String algorithm, String keys) throws Exception {
        Files.writeString(config, Files.readString(config).replace("key-directory = \"keys\"",
                "key-directory = \"keys-" + algorithm + keys + "\", algorithm = " + algorithm + ", keys = " + keys));
        Path dump = dir.resolve("lab.test.signed");
        Files.writeString(dump, SignedLab.cli("dnssec", "dump", "--config", config.toString(), "lab.test."));
        assertThat(run("ldns-verify-zone", dump.toString())).contains("Zone is verified and complete");
        List<String> verify = keys.equals("csk") ? List.of("dnssec-verify", "-z", "-o", "lab.test.", dump.toString())
                : List.of("dnssec-verify", "-o", "lab.test.", dump.toString());
        assertThat(run(verify.toArray(String[]::new))).contains("Zone fully signed")
                .contains(keys.equals("csk") ? "ZSKs: 0 active" : "ZSKs: 1 active");
    }

    @Test
    void keyFilesSurviveARestart() throws Exception {
        List<String> first = dnskeys();
        List<String> second = dnskeys();
        assertThat(first).isNotEmpty().isEqualTo(second);
        try (var keys = Files.list(dir.resolve("keys"))) {
            assertThat(keys.toList()).hasSize(6); // one CSK each for test., lab.test. and tenants.test.: .key and .private
        }
    }

    private List<String> dnskeys() throws Exception {
        try (CaadnsTarget target = CaadnsTarget.start(Optional.of(config), Map.of(), Map.of())) {
            Message reply = new DnsTestClient().udp(target, Queries.query(7, "lab.test.", Type.DNSKEY));
            return reply.getSection(Section.ANSWER).stream().map(Record::rdataToString).toList();
        }
    }

    private static String run(String... command) throws Exception {
        Command.require(command[0], command[0].equals("ldns-verify-zone") ? "ldnsutils" : "bind9-utils");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", command) + ":\n" + out).isZero();
        return out;
    }
}
