package dev.caadns.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.answer.QueryProcessor;
import dev.caadns.cli.Plugins;
import dev.caadns.config.Settings;
import dev.caadns.config.SettingsLoader;
import dev.caadns.server.ZonesAndChain;
import dev.caadns.testsupport.TestZones;
import dev.caadns.wire.ResponseWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import dev.caadns.wire.Response;
import dev.caadns.zone.RRset;
import dev.caadns.zone.WireName;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;
import org.xbill.DNS.Name;
import org.xbill.DNS.Section;

/**
 * Our hand-made reply encoding held equal to dnsjava's over the differential query set: dnsjava
 * parses every reply into exactly the records the answer path chose (whole RRsets, in order, cut
 * only where TC is set), the question comes back byte for byte, and our name compression is never
 * worse than dnsjava's (so truncation starts no earlier).
 */
class WireEncodingTest {
    private static final long SEED = 20240101L;

    @Test
    void everyReplyIsWhatDnsjavaWouldEncode() throws Exception {
        Map<Name, Path> zones = TestZones.inResourceFolder("difftest");
        List<Map<String, Object>> files = new ArrayList<>();
        zones.forEach((origin, file) -> files.add(Map.of("origin", origin.toString(), "file", file.toString())));
        Settings settings = SettingsLoader.load(Optional.empty(), Map.of("zones.files", files));
        ZonesAndChain served = ZonesAndChain.assemble(settings, Plugins.forSettings(settings));
        QueryProcessor processor = new QueryProcessor(served.chain(), new ResponseWriter(1232, new byte[0]));
        List<GeneratedQuery> queries = new QueryGenerator(ZoneData.load(zones), SEED).generate();

        for (GeneratedQuery query : queries) {
            byte[] wire = query.toMessage().toWire();
            int length = processor.process(wire, wire.length, query.transport() == GeneratedQuery.Transport.TCP
                    ? dev.caadns.wire.Transport.TCP : dev.caadns.wire.Transport.UDP);
            byte[] reply = Arrays.copyOf(processor.reply(), length);

            Message ours = new Message(reply);
            String what = query.toString();
            boolean truncated = ours.getHeader().getFlag(Flags.TC);
            List<String> decided = new ArrayList<>();
            List<String> parsed = new ArrayList<>();
            sections(processor.response(), query.qname()).forEach(s -> s.forEach(r -> decided.add(key(r))));
            for (int section : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
                ours.getSection(section).stream().filter(r -> r.getType() != Type.OPT)
                        .forEach(r -> parsed.add(key(r)));
            }
            if (truncated) {
                assertThat(parsed.size()).as(what).isLessThan(decided.size());
                assertThat(parsed).as(what).containsExactlyElementsOf(decided.subList(0, parsed.size()));
            } else {
                assertThat(parsed).as(what).containsExactlyElementsOf(decided);
            }
            int questionEnd = 12 + query.qname().length() + 4;
            assertThat(Arrays.copyOfRange(reply, 12, questionEnd)).as(what)
                    .isEqualTo(Arrays.copyOfRange(wire, 12, questionEnd));
            assertThat(reply.length).as(what + ": our compression is no worse than dnsjava's")
                    .isLessThanOrEqualTo(ours.toWire(65535).length);
        }
    }

    /**
     * A record as the comparison sees it: dnsjava's Record.equals ignores the TTL, and names may come
     * back in the case of the name a compression pointer reuses, which DNS allows; RDATA bytes other
     * than names (a CAA value) must be exact.
     */
    private static String key(Record r) {
        return r.getName().canonicalize() + " " + r.getTTL() + " " + Type.string(r.getType()) + " "
                + java.util.HexFormat.of().formatHex(r.rdataToWireCanonical());
    }

    /** The records of each section as the answer path decided them, the question name for a null owner. */
    private static List<List<Record>> sections(Response response, Name qname) {
        List<List<Record>> all = new ArrayList<>();
        for (dev.caadns.wire.Section section : List.of(response.answer(), response.authority(), response.additional())) {
            List<Record> records = new ArrayList<>();
            for (int i = 0; i < section.count(); i++) {
                RRset set = section.rrset(i);
                byte[] wire = section.owner(i);
                Name owner = wire == null ? qname : WireName.toName(java.util.Arrays.copyOfRange(wire,
                        section.ownerOffset(i), section.ownerOffset(i) + WireName.length(wire, section.ownerOffset(i))));
                for (int j = 0; j < set.size(); j++) {
                    records.add(Record.newRecord(owner, set.type(), DClass.IN, set.ttl(), set.rdata(j)));
                }
            }
            all.add(records);
        }
        return all;
    }
}
