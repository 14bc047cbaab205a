package dev.caadns.update;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * An UPDATE as RFC 2136 §2 lays it out: the zone, the prerequisite RRs and the update RRs, each with
 * whether it carried RDATA (dnsjava reads an empty RDATA as a record without data, which the
 * meaning of class ANY and NONE entries turns on).
 */
record UpdateMessage(Name zone, int zoneType, int zoneClass, List<Entry> prerequisites, List<Entry> updates) {

    /** One RR of the prerequisite or update section. */
    record Entry(Record record, boolean hasRdata) {
        Name name() {
            return record.getName();
        }

        int type() {
            return record.getType();
        }

        int dnsClass() {
            return record.getDClass();
        }
    }

    /** @throws IOException when the message does not parse (the server answers FORMERR) */
    static UpdateMessage parse(byte[] wire, int length) throws IOException {
        byte[] bytes = Arrays.copyOf(wire, length);
        Message message = new Message(bytes);
        Record zone = message.getQuestion();
        if (zone == null) {
            throw new IOException("no zone section");
        }
        int[] rdlengths = rdlengths(bytes, message.getHeader().getCount(Section.PREREQ)
                + message.getHeader().getCount(Section.UPDATE));
        List<Entry> prerequisites = entries(message.getSection(Section.PREREQ), rdlengths, 0);
        List<Entry> updates = entries(message.getSection(Section.UPDATE), rdlengths, prerequisites.size());
        return new UpdateMessage(zone.getName(), zone.getType(), zone.getDClass(), prerequisites, updates);
    }

    private static List<Entry> entries(List<Record> records, int[] rdlengths, int first) {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            entries.add(new Entry(records.get(i), rdlengths[first + i] > 0));
        }
        return entries;
    }

    /** The RDLENGTH of the first {@code count} RRs after the zone section (dnsjava checked the framing). */
    private static int[] rdlengths(byte[] m, int count) {
        int pos = skipName(m, 12) + 4;
        int[] lengths = new int[count];
        for (int i = 0; i < count; i++) {
            pos = skipName(m, pos);
            lengths[i] = ((m[pos + 8] & 0xff) << 8) | (m[pos + 9] & 0xff);
            pos += 10 + lengths[i];
        }
        return lengths;
    }

    private static int skipName(byte[] m, int pos) {
        while ((m[pos] & 0xff) != 0) {
            if ((m[pos] & 0xc0) == 0xc0) {
                return pos + 2;
            }
            pos += (m[pos] & 0xff) + 1;
        }
        return pos + 1;
    }
}
