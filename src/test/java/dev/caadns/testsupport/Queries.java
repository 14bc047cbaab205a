package dev.caadns.testsupport;

import java.util.Random;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Header;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Builds queries with the ID chosen by the test: {@code new Message()} would draw one from a shared
 * SecureRandom, which makes runs unrepeatable and slow.
 */
public final class Queries {
    public static final int NO_EDNS = -1;

    private Queries() {
    }

    /** A plain query (RD clear, no EDNS). */
    public static Message query(int id, Name qname, int qtype) {
        return query(id, qname, qtype, NO_EDNS, false);
    }

    /** A query; {@code ednsUdpSize} {@link #NO_EDNS} means no OPT record. */
    public static Message query(int id, Name qname, int qtype, int ednsUdpSize, boolean dnssecOk) {
        Message query = new Message(id);
        Header header = query.getHeader();
        header.unsetFlag(Flags.RD);
        query.addRecord(Record.newRecord(qname, qtype, DClass.IN), org.xbill.DNS.Section.QUESTION);
        if (ednsUdpSize != NO_EDNS) {
            query.addRecord(new OPTRecord(ednsUdpSize, 0, 0, dnssecOk ? Flags.DO : 0), org.xbill.DNS.Section.ADDITIONAL);
        }
        return query;
    }

    /** A NOTIFY for zone (RFC 1996: AA set, the zone's SOA as the question), as a primary sends one. */
    public static Message notify(int id, Name zone) {
        Message notify = query(id, zone, Type.SOA);
        notify.getHeader().setOpcode(Opcode.NOTIFY);
        notify.getHeader().setFlag(Flags.AA);
        return notify;
    }

    public static Message query(int id, String qname, int qtype) {
        return query(id, name(qname), qtype);
    }

    public static Name name(String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    /** The same name with each letter's case flipped at random: servers must treat it the same. */
    public static Name randomCase(Name name, Random random) {
        StringBuilder text = new StringBuilder();
        for (char c : name.toString().toCharArray()) {
            text.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
        }
        return name(text.toString());
    }
}
