package dev.caadns.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.Command;
import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.TestZones;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.NSEC3Record;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.Type;
import org.xbill.DNS.ZoneTransferIn;
import org.xbill.DNS.utils.base32;

/**
 * An AXFR of a zone signed with {@code dnssec.nsec3 = true}: {@link SignedSecondaryTest}'s
 * tpl.test., whose table rule makes caadns deny its names online (white lies), goes out with the
 * NSEC3PARAM and an NSEC3 chain over the names written out, the table's names included, and no NSEC;
 * what dnsjava transfers passes {@code dnssec-verify} and {@code ldns-verify-zone}.
 */
class Nsec3TransferTest {
    private static final Name ZONE = Name.fromConstantString("tpl.test.");

    @TempDir
    Path dir;

    @Test
    void anAxfrOfAnNsec3ZoneCarriesTheChainAndVerifies() throws Exception {
        Command.require("dnssec-verify", "bind9-utils");
        Command.require("ldns-verify-zone", "ldnsutils");
        Path folder = TestZones.inResourceFolder("templates").get(ZONE).getParent();
        Files.copy(folder.resolve("tenants.csv"), dir.resolve("tenants.csv"));
        String config = SecondaryDifferentialTest.config("")
                + "dnssec { sign = true, key-directory = \"keys\", nsec3 = true }\n";
        List<Record> zone;
        try (ConfiguredServer server = ConfiguredServer.start(dir, config,
                Map.of("tpl.test.zone", Files.readString(folder.resolve("tpl.test.zone"))))) {
            InetSocketAddress tcp = server.server().tcpAddresses().get(0);
            ZoneTransferIn axfr = ZoneTransferIn.newAXFR(ZONE, tcp.getAddress().getHostAddress(), tcp.getPort(),
                    new TSIG(TSIG.HMAC_SHA256, SecondaryDifferentialTest.KEY.name(), SecondaryDifferentialTest.KEY.secret()));
            axfr.setTimeout(java.time.Duration.ofSeconds(20));
            axfr.run();
            zone = axfr.getAXFR();
        }
        assertThat(zone).noneMatch(r -> r.getType() == Type.NSEC)
                .anyMatch(r -> r.getType() == Type.NSEC3PARAM && r.getName().equals(ZONE));
        List<NSEC3Record> chain = zone.stream().filter(r -> r instanceof NSEC3Record).map(r -> (NSEC3Record) r).toList();
        byte[] tableName = chain.get(0).hashName(Name.fromConstantString("acme.customers.tpl.test."));
        base32 hex = new base32(base32.Alphabet.BASE32HEX, false, false);
        assertThat(chain).as("a table name, denied online by caadns, is in the secondary's chain")
                .anyMatch(n -> java.util.Arrays.equals(hex.fromString(n.getName().getLabelString(0)), tableName));

        Path file = dir.resolve("tpl.test.nsec3");
        Files.writeString(file, String.join("\n", zone.subList(0, zone.size() - 1).stream().map(Record::toString)
                .toList()) + "\n");
        Command.Result ldns = Command.run(List.of("ldns-verify-zone", file.toString()), "", 60);
        assertThat(ldns.exitCode()).as(ldns.output()).isZero();
        Command.Result bind = Command.run(List.of("dnssec-verify", "-z", "-o", ZONE.toString(), file.toString()), "", 60);
        assertThat(bind.exitCode()).as(bind.output()).isZero();
        assertThat(bind.output()).contains("Zone fully signed");
    }
}
