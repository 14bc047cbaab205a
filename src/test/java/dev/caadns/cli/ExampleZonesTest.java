package dev.caadns.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The zones `caadns serve` serves by default parse, and hold the cases the README promises. */
class ExampleZonesTest {

    private static List<Record> read(String file, String origin) throws IOException {
        List<Record> records = new ArrayList<>();
        try (Master master = new Master(Path.of("zones", file).toString(), Name.fromString(origin))) {
            for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
                records.add(r);
            }
        }
        return records;
    }

    private static List<Record> at(List<Record> records, String owner, int type) throws IOException {
        Name name = Name.fromString(owner);
        return records.stream().filter(r -> r.getName().equals(name) && r.getType() == type).toList();
    }

    @Test
    void bothZonesStartWithTheirSoa() throws IOException {
        assertThat(read("lab.test.zone", "lab.test.").get(0).getType()).isEqualTo(Type.SOA);
        assertThat(read("test.zone", "test.").get(0).getType()).isEqualTo(Type.SOA);
    }

    @Test
    void labTestHoldsTheDocumentedCases() throws IOException {
        List<Record> zone = read("lab.test.zone", "lab.test.");

        assertThat(at(zone, "lab.test.", Type.CAA)).hasSize(3);
        assertThat(at(zone, "shop.lab.test.", Type.CAA)).hasSizeGreaterThanOrEqualTo(2);
        assertThat(at(zone, "deny.lab.test.", Type.CAA)).hasSize(1);
        assertThat(at(zone, "www.lab.test.", Type.CNAME)).hasSize(1);
        assertThat(at(zone, "*.wild.lab.test.", Type.A)).hasSize(1);
        assertThat(at(zone, "a.b.c.lab.test.", Type.A)).hasSize(1);
        assertThat(at(zone, "b.c.lab.test.", Type.A)).isEmpty();
        assertThat(at(zone, "child.lab.test.", Type.DS)).hasSize(1);
        assertThat(at(zone, "old.lab.test.", Type.DNAME)).hasSize(1);
    }

    @Test
    void bigCaaSetDoesNotFitA1232ByteUdpAnswer() throws IOException {
        List<Record> big = at(read("lab.test.zone", "lab.test."), "big.lab.test.", Type.CAA);
        Message answer = Message.newQuery(Record.newRecord(Name.fromString("big.lab.test."), Type.CAA, DClass.IN));
        big.forEach(r -> answer.addRecord(r, Section.ANSWER));

        assertThat(answer.toWire().length).isGreaterThan(1232);
    }
}
