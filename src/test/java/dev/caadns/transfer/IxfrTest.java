package dev.caadns.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.server.ServedZones;
import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * IXFR out (RFC 1995) from the zone's version history, through real sockets: one SOA for a current
 * client, the condensed difference from an older serial (RFC 1995 §4: current SOA, the client's SOA,
 * deletions, current SOA, additions, current SOA), the whole zone when history does not reach back,
 * the SOA alone over UDP when the difference does not fit; a reload with a later serial is a version.
 */
class IxfrTest {
    private static final Name ORIGIN = Name.fromConstantString("ixfr.test.");
    private static final Name HOST = Name.fromConstantString("h.ixfr.test.");
    private static final Name OTHER = Name.fromConstantString("o.ixfr.test.");
    @TempDir
    Path dir;

    private CaadnsTarget serve(int history) throws Exception {
        Path zone = dir.resolve("ixfr.test.zone");
        Files.writeString(zone, "$TTL 300\n@ SOA ns hostmaster 100 3600 600 86400 300\n@ NS ns\nns A 127.0.0.1\n"
                + "h A 192.0.2.1\n");
        return CaadnsTarget.start(Map.of(ORIGIN, zone), Map.of("transfer.history", history,
                "transfer.allow", List.of(Map.of("from", List.of("127.0.0.1/32", "::1")))));
    }

    private static Message ixfr(long clientSerial) {
        Message m = Message.newQuery(Record.newRecord(ORIGIN, Type.IXFR, DClass.IN));
        m.addRecord(new SOARecord(ORIGIN, DClass.IN, 300, Name.fromConstantString("ns.ixfr.test."),
                Name.fromConstantString("hostmaster.ixfr.test."), clientSerial, 3600, 600, 86400, 300), Section.AUTHORITY);
        return m;
    }

    private static void setA(ServedZones zones, Name owner, String address) throws Exception {
        zones.replace(owner, Type.A, List.of(new ARecord(owner, DClass.IN, 300, InetAddress.getByName(address))));
    }

    private static List<String> texts(List<Record> records) {
        return records.stream().map(r -> r.getType() == Type.SOA ? "SOA " + ((SOARecord) r).getSerial()
                : r.getName() + " " + r.rdataToString()).toList();
    }

    @Test
    void currentClientGetsOneSoa() throws Exception {
        try (CaadnsTarget server = serve(20)) {
            List<Record> records = TransferClient.records(TransferClient.transfer(server.tcp(), ixfr(100)));
            assertThat(texts(records)).containsExactly("SOA 100");
        }
    }

    @Test
    void condensedDifferenceFromAnOlderSerial() throws Exception {
        try (CaadnsTarget server = serve(20)) {
            ServedZones zones = server.server().zones();
            setA(zones, HOST, "192.0.2.2");     // 101: h 1 -> 2
            setA(zones, OTHER, "192.0.2.9");    // 102: o added
            setA(zones, HOST, "192.0.2.3");     // 103: h 2 -> 3

            List<Record> fromStart = TransferClient.records(TransferClient.transfer(server.tcp(), ixfr(100)));
            List<Record> fromMiddle = TransferClient.records(TransferClient.transfer(server.tcp(), ixfr(102)));

            assertThat(texts(fromStart)).hasSize(7).startsWith("SOA 103", "SOA 100", "h.ixfr.test. 192.0.2.1",
                    "SOA 103").endsWith("SOA 103");
            assertThat(texts(fromStart).subList(4, 6)).containsExactlyInAnyOrder("h.ixfr.test. 192.0.2.3",
                    "o.ixfr.test. 192.0.2.9");
            assertThat(texts(fromMiddle)).containsExactly("SOA 103", "SOA 102", "h.ixfr.test. 192.0.2.2",
                    "SOA 103", "h.ixfr.test. 192.0.2.3", "SOA 103");
        }
    }

    @Test
    void historyGapFallsBackToTheWholeZone() throws Exception {
        try (CaadnsTarget server = serve(2)) {
            ServedZones zones = server.server().zones();
            setA(zones, HOST, "192.0.2.2");
            setA(zones, HOST, "192.0.2.3");
            setA(zones, HOST, "192.0.2.4"); // 100 -> 101 dropped from a two-deep history

            List<Record> gap = TransferClient.records(TransferClient.transfer(server.tcp(), ixfr(100)));
            List<Record> reachable = TransferClient.records(TransferClient.transfer(server.tcp(), ixfr(101)));

            assertThat(texts(gap)).startsWith("SOA 103").endsWith("SOA 103").contains("h.ixfr.test. 192.0.2.4")
                    .hasSize(5); // SOA, NS, ns A, h A, SOA
            assertThat(texts(gap).get(1)).isNotEqualTo("SOA 100");
            assertThat(texts(reachable)).containsExactly("SOA 103", "SOA 101", "h.ixfr.test. 192.0.2.2",
                    "SOA 103", "h.ixfr.test. 192.0.2.4", "SOA 103");
        }
    }

    @Test
    void overUdpTheDifferenceWhenItFitsElseTheSoa() throws Exception {
        try (CaadnsTarget server = serve(20)) {
            ServedZones zones = server.server().zones();
            setA(zones, HOST, "192.0.2.2");
            DnsTestClient client = new DnsTestClient();

            Message small = client.udp(server, ixfr(100));
            for (int i = 0; i < 60; i++) {
                setA(zones, Name.fromConstantString("n" + i + ".ixfr.test."), "192.0.2." + i);
            }
            Message large = client.udp(server, ixfr(100));

            assertThat(texts(small.getSection(Section.ANSWER))).containsExactly("SOA 101", "SOA 100",
                    "h.ixfr.test. 192.0.2.1", "SOA 101", "h.ixfr.test. 192.0.2.2", "SOA 101");
            assertThat(texts(large.getSection(Section.ANSWER))).containsExactly("SOA 161");
            assertThat(large.getHeader().getFlag(org.xbill.DNS.Flags.TC)).isFalse();
        }
    }

    @Test
    void ixfrWithoutTheClientsSoaIsAFormatError() throws Exception {
        try (CaadnsTarget server = serve(20)) {
            Message bare = Message.newQuery(Record.newRecord(ORIGIN, Type.IXFR, DClass.IN));
            assertThat(TransferClient.transfer(server.tcp(), bare).get(0).getRcode()).isEqualTo(org.xbill.DNS.Rcode.FORMERR);
        }
    }
}
