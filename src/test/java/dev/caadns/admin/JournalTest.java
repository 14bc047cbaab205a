package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.wire.ParseResult;
import dev.caadns.wire.Query;
import dev.caadns.wire.QueryParser;
import dev.caadns.wire.Response;
import dev.caadns.zone.WireName;
import dev.caadns.zone.ZoneIndex;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** The journal's ring: slots reused for names and answers of any size, each entry as it was asked. */
class JournalTest {
    private static final Name ZONE = Name.fromConstantString("lab.test.");
    private static final InetSocketAddress CLIENT = new InetSocketAddress(InetAddress.getLoopbackAddress(), 5300);

    @Test
    void aSlotReusedForALongerNameOrMoreAnswerSetsKeepsAllOfThem() throws Exception {
        Journal journal = new Journal(1); // every query lands in the same slot
        String longName = "a-label-of-sixty-three-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxx.and.more.labels.lab.test.";
        ZoneIndex zone = zone(Name.fromString("host.lab.test."), Name.fromString(longName));

        journal.observe(query("lab.test.", Type.SOA), response(zone, "lab.test.", Type.SOA), CLIENT, 60, 1000);
        assertThat(only(journal)).satisfies(e -> {
            assertThat(e.name()).isEqualTo("lab.test.");
            assertThat(e.answer()).containsExactly("SOA x1");
        });

        journal.observe(query(longName, Type.A), response(zone, longName, Type.A, Type.TXT), CLIENT, 90, 1000);
        assertThat(only(journal)).satisfies(e -> {
            assertThat(e.name()).isEqualTo(longName);
            assertThat(e.type()).isEqualTo("A");
            assertThat(e.answer()).containsExactly("A x2", "TXT x1");
        });

        journal.observe(query("host.lab.test.", Type.A), response(zone, "host.lab.test.", Type.A), CLIENT, 50, 1000);
        assertThat(only(journal)).satisfies(e -> {
            assertThat(e.name()).isEqualTo("host.lab.test.");
            assertThat(e.answer()).containsExactly("A x1");
        });
    }

    @Test
    void aQueryWithNoAnswerIsKeptWithAnEmptyAnswer() throws Exception {
        Journal journal = new Journal(4);

        journal.observe(query("missing.lab.test.", Type.A), new Response(), CLIENT, 40, 1000);

        assertThat(only(journal).name()).isEqualTo("missing.lab.test.");
        assertThat(only(journal).answer()).isEmpty();
    }

    private static JournalEntry only(Journal journal) {
        List<JournalEntry> entries = journal.since(journal.nextSeq() - 1, e -> true);
        assertThat(entries).hasSize(1);
        return entries.get(0);
    }

    private static Query query(String name, int type) throws Exception {
        byte[] wire = Message.newQuery(Record.newRecord(Name.fromString(name), type, DClass.IN)).toWire();
        Query query = new Query();
        assertThat(QueryParser.parse(wire, wire.length, query)).isEqualTo(ParseResult.OK);
        return query;
    }

    /** A response whose answer holds the zone's RRsets of those types at the name. */
    private static Response response(ZoneIndex zone, String name, int... types) throws Exception {
        byte[] owner = WireName.lower(Name.fromString(name));
        Response response = new Response();
        for (int type : types) {
            response.answer().add(owner, zone.find(owner, 0, owner.length).get(type));
        }
        return response;
    }

    private static ZoneIndex zone(Name host, Name longHost) throws Exception {
        List<Record> records = new ArrayList<>();
        records.add(new SOARecord(ZONE, DClass.IN, 300, Name.fromString("ns.lab.test."),
                Name.fromString("hostmaster.lab.test."), 1, 3600, 600, 86400, 300));
        records.add(new NSRecord(ZONE, DClass.IN, 300, Name.fromString("ns.lab.test.")));
        records.add(new ARecord(host, DClass.IN, 300, InetAddress.getByName("192.0.2.1")));
        records.add(new ARecord(longHost, DClass.IN, 300, InetAddress.getByName("192.0.2.2")));
        records.add(new ARecord(longHost, DClass.IN, 300, InetAddress.getByName("192.0.2.3")));
        records.add(new TXTRecord(longHost, DClass.IN, 300, "long"));
        return ZoneIndex.of(ZONE, records);
    }
}
