package dev.caadns.caa.template;

import dev.caadns.zone.RRset;
import dev.caadns.zone.ZoneIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * One CAA RRset a rule synthesizes: for one table row, or for every name a rule without table
 * matches. RDATA is encoded once; the RRset with the zone's TTL is made on first use in a zone.
 */
public final class Expansion {
    private static final int SOA = 6;

    private final TemplateRule rule;
    private final Table.Row row;
    /** The name it is checked and shown at, in wire form as written; null for one made at a query. */
    private final byte[] owner;
    private final ParsedRecords.Parsed parsed;
    /** Made at the first answer from this expansion: a million rows would hold a million strings. */
    private volatile String source;
    private volatile RRset bound;

    private Expansion(TemplateRule rule, Table.Row row, byte[] owner, ParsedRecords.Parsed parsed) {
        this.rule = rule;
        this.row = row;
        this.owner = owner;
        this.parsed = parsed;
    }

    /**
     * @param row the table row it is for, or null for a rule without table
     * @param owner the name it is checked and shown at, in wire form as written
     * @param records its records, parsed
     */
    static Expansion of(TemplateRule rule, Table.Row row, byte[] owner, ParsedRecords.Parsed records) {
        return new Expansion(rule, row, owner, records);
    }

    /** An expansion made for a query's name, parsed for it alone. */
    static Expansion atQuery(TemplateRule rule, Map<String, String> values) {
        return new Expansion(rule, null, null, ParsedRecords.parse(texts(rule, values)));
    }

    /** The rule's records as text, placeholders filled in from values. */
    static List<String> texts(TemplateRule rule, Map<String, String> values) {
        List<String> texts = new ArrayList<>(rule.records().size());
        for (RecordTemplate template : rule.records()) {
            texts.add(template.expand(values));
        }
        return texts;
    }

    /** The name it is checked and shown at, in wire form as written (not for one made at a query). */
    byte[] owner() {
        return owner;
    }

    TemplateRule rule() {
        return rule;
    }

    /** The table row it came from, or null. */
    Table.Row row() {
        return row;
    }

    /** The RDATA as presentation text, placeholders filled in. */
    public List<String> rdataText() {
        return parsed.texts();
    }

    /** The records as parsed: one instance for every expansion of a rule with equal text. */
    ParsedRecords.Parsed parsed() {
        return parsed;
    }

    /** The records at an owner, byte for byte as served. */
    List<Record> records(Name owner, long ttl) {
        List<Record> records = new ArrayList<>();
        for (byte[] data : parsed.rdata()) {
            records.add(Record.newRecord(owner, Type.CAA, DClass.IN, ttl, data));
        }
        return records;
    }

    /** {@code synthesized by rule 2 (caadns.conf:31, table row 3)}: what explain and the journal say. */
    public String source() {
        String text = source;
        if (text == null) {
            text = "synthesized by rule " + rule.number() + " (" + rule.where()
                    + (row == null ? "" : ", table row " + row.number()) + ")";
            source = text; // two threads may both make it: equal strings, harmless
        }
        return text;
    }

    /** The records, the owner taken from the query; TTL from the rule or the zone's SOA minimum. */
    RRset rrset(ZoneIndex zone) {
        long ttl = ttl(zone);
        RRset set = bound;
        if (set == null || set.ttl() != ttl) {
            set = new RRset(null, Type.CAA, ttl, parsed.rdata());
            bound = set; // a reload may change the SOA: rebuilt once, harmless if two threads race
        }
        return set;
    }

    long ttl(ZoneIndex zone) {
        if (rule.ttl() >= 0) {
            return rule.ttl();
        }
        // the last field of the SOA's one record, read in place: the query path allocates nothing
        RRset soa = zone.apex().get(SOA);
        long minimum = 0;
        for (int i = soa.end() - 4; i < soa.end(); i++) {
            minimum = minimum << 8 | soa.data()[i] & 0xff;
        }
        return minimum;
    }
}
