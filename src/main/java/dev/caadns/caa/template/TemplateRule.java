package dev.caadns.caa.template;

import java.util.List;

/**
 * One entry of {@code caa.templates}, as configured.
 *
 * @param number 1-based position in the list, as {@code explain} and {@code check} name it
 * @param file the config file that set it ("command line" or "reference.conf" otherwise)
 * @param line line of the rule in that file, 0 when unknown
 * @param records CAA RDATA templates, shorthands ({@code issue = [...]}) already turned into records
 * @param table the rows the first capture is looked up in, or null
 * @param ttl the TTL of the synthesized records, or -1 for the zone's SOA minimum
 */
record TemplateRule(int number, String file, int line, NamePattern pattern, List<RecordTemplate> records,
                    Table table, AppliesTo appliesTo, long ttl) {

    TemplateRule {
        records = List.copyOf(records);
    }

    /** {@code caadns.conf:31}, compiler style. */
    String where() {
        return line > 0 ? file + ":" + line : file;
    }

    /** {@code rule 2 (caadns.conf:31)}. */
    String describe() {
        return "rule " + number + " (" + where() + ")";
    }
}
