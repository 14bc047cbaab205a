package dev.caadns.caa.template;

import dev.caadns.zone.RRset;
import dev.caadns.zone.ZoneIndex;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    private final List<String> rdataText;
    private final byte[][] rdata;
    private final String source;
    private volatile RRset bound;

    private Expansion(TemplateRule rule, Table.Row row, List<String> rdataText, byte[][] rdata) {
        this.rule = rule;
        this.row = row;
        this.rdataText = List.copyOf(rdataText);
        this.rdata = rdata;
        this.source = "synthesized by rule " + rule.number() + " (" + rule.where()
                + (row == null ? "" : ", table row " + row.number()) + ")";
    }

    /**
     * @param owner the name it is for (records must parse at an owner; dnsjava checks CAA RDATA, not names)
     * @throws IllegalArgumentException when a record does not parse as CAA
     */
    static Expansion of(TemplateRule rule, Table.Row row, Name owner, java.util.Map<String, String> values) {
        List<String> texts = new ArrayList<>();
        List<byte[]> wire = new ArrayList<>();
        for (RecordTemplate template : rule.records()) {
            String text = template.expand(values);
            byte[] bytes = parse(owner, text).rdataToWireCanonical();
            // an RRset is a set (RFC 2181 §5): a record written twice is served once, as a zone file's would be
            if (wire.stream().noneMatch(w -> Arrays.equals(w, bytes))) {
                texts.add(text);
                wire.add(bytes);
            }
        }
        return new Expansion(rule, row, texts, wire.toArray(new byte[0][]));
    }

    static Record parse(Name owner, String text) {
        try {
            return Record.fromString(owner, Type.CAA, DClass.IN, 0, text, Name.root);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("`" + text + "` is not CAA RDATA: " + e.getMessage(), e);
        }
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
        return rdataText;
    }

    /** The records at an owner, byte for byte as served. */
    List<Record> records(Name owner, long ttl) {
        List<Record> records = new ArrayList<>();
        for (byte[] data : rdata) {
            records.add(Record.newRecord(owner, Type.CAA, DClass.IN, ttl, data));
        }
        return records;
    }

    /** {@code synthesized by rule 2 (caadns.conf:31, table row 3)}: what explain and the journal say. */
    public String source() {
        return source;
    }

    /** The records, the owner taken from the query; TTL from the rule or the zone's SOA minimum. */
    RRset rrset(ZoneIndex zone) {
        long ttl = ttl(zone);
        RRset set = bound;
        if (set == null || set.ttl() != ttl) {
            set = new RRset(null, Type.CAA, ttl, rdata);
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
