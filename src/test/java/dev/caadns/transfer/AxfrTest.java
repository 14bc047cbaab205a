package dev.caadns.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * AXFR out (RFC 5936) through a real socket: the zone whole, SOA first and last, every record once,
 * messages of at most 16 KiB split at whole records (a large RRset goes on in the next message), the
 * question in the first message only; refused by default and to clients no rule admits; NOTAUTH for
 * a zone not served; FORMERR over UDP.
 */
class AxfrTest {
    private static final Name ORIGIN = Name.fromConstantString("xfr.test.");
    private static final int HOSTS = 800;
    @TempDir
    static Path dir;
    private static Path zone;

    @BeforeAll
    static void writeZone() throws Exception {
        StringBuilder text = new StringBuilder("$TTL 300\n@ SOA ns hostmaster 7 3600 600 86400 300\n@ NS ns\n"
                + "ns A 127.0.0.1\n@ CAA 0 issue \"ca.example\"\nsub NS ns.sub\nns.sub A 192.0.2.53\n");
        for (int i = 0; i < HOSTS; i++) {
            text.append("h").append(i).append(" A 192.0.2.").append(i % 250).append('\n');
        }
        for (int i = 0; i < 300; i++) { // one RRset of about 40 KiB: must span messages
            text.append("big TXT \"").append(String.format("%03d", i)).append("x".repeat(120)).append("\"\n");
        }
        zone = dir.resolve("xfr.test.zone");
        Files.writeString(zone, text);
    }

    private static CaadnsTarget serve(Map<String, Object> settings) {
        return CaadnsTarget.start(Map.of(ORIGIN, zone), settings);
    }

    private static Message axfr(Name zone) {
        return Message.newQuery(Record.newRecord(zone, Type.AXFR, DClass.IN));
    }

    @Test
    void wholeZoneInMessagesOfAtMost16KiB() {
        try (CaadnsTarget server = serve(Map.of("transfer.allow", List.of(Map.of("from", List.of("127.0.0.1/32")))))) {
            List<Message> messages = TransferClient.transfer(server.tcp(), axfr(ORIGIN));
            List<Record> records = TransferClient.records(messages);

            assertThat(records.get(0).getType()).isEqualTo(Type.SOA);
            assertThat(records.get(records.size() - 1)).isEqualTo(records.get(0));
            assertThat(records.subList(1, records.size() - 1)).noneMatch(r -> r.getType() == Type.SOA);
            Set<Record> distinct = new HashSet<>(records.subList(1, records.size() - 1));
            assertThat(distinct).hasSize(records.size() - 2).hasSize(server.server().zones().get().zones().get(0)
                    .recordCount() - 1);
            assertThat(distinct).filteredOn(r -> r.getType() == Type.TXT).hasSize(300);
            assertThat(distinct).anyMatch(r -> r.getName().equals(Name.fromConstantString("ns.sub.xfr.test.")));
            assertThat(messages).hasSizeGreaterThan(2);
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                assertThat(m.toWire().length).isLessThanOrEqualTo(16 * 1024);
                assertThat(m.getHeader().getCount(Section.QUESTION)).isEqualTo(i == 0 ? 1 : 0);
                assertThat(m.getHeader().getFlag(org.xbill.DNS.Flags.AA)).isTrue();
                assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
            }
        }
    }

    @Test
    void refusedWhenNothingIsAllowed() {
        try (CaadnsTarget server = serve(Map.of())) {
            List<Message> messages = TransferClient.transfer(server.tcp(), axfr(ORIGIN));

            assertThat(messages).hasSize(1);
            assertThat(messages.get(0).getRcode()).isEqualTo(Rcode.REFUSED);
        }
    }

    @Test
    void refusedToAnAddressNoRuleAdmits() {
        try (CaadnsTarget server = serve(Map.of("transfer.allow", List.of(Map.of("from", List.of("192.0.2.0/24")))))) {
            assertThat(TransferClient.transfer(server.tcp(), axfr(ORIGIN)).get(0).getRcode()).isEqualTo(Rcode.REFUSED);
        }
    }

    @Test
    void notAuthForAZoneNotServedAndFormErrOverUdp() {
        try (CaadnsTarget server = serve(Map.of("transfer.allow", List.of(Map.of("from", List.of("127.0.0.1")))))) {
            Message other = TransferClient.transfer(server.tcp(), axfr(Name.fromConstantString("h1.xfr.test."))).get(0);
            Message udp = new DnsTestClient().udp(server, axfr(ORIGIN));

            assertThat(other.getRcode()).isEqualTo(Rcode.NOTAUTH);
            assertThat(udp.getRcode()).isEqualTo(Rcode.FORMERR);
        }
    }
}
