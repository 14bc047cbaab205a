package dev.caadns.caa.template;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The CAA records a rule's expansions are made of, parsed once per distinct text: a table's rows
 * repeat a few policies (a million rows, three sets in the benchmark), and each parse by dnsjava
 * costs a tokenizer and its 8 KiB buffer. Equal texts then share one {@link Parsed}, which also
 * lets the template checks know an RRset they have seen by its identity.
 */
final class ParsedRecords {
    /**
     * An RRset's records, placeholders filled in: as text, and as RDATA byte for byte as served. A
     * record written twice is there once (an RRset is a set, RFC 2181 §5), as a zone file's would be.
     */
    record Parsed(List<String> texts, byte[][] rdata) {
        int rdataBytes() {
            int bytes = 0;
            for (byte[] one : rdata) {
                bytes += one.length;
            }
            return bytes;
        }
    }

    private final Map<List<String>, Parsed> byTexts = new HashMap<>();

    /** @throws IllegalArgumentException when a record does not parse as CAA */
    Parsed of(List<String> texts) {
        Parsed parsed = byTexts.get(texts);
        if (parsed == null) {
            parsed = parse(texts);
            byTexts.put(List.copyOf(texts), parsed);
        }
        return parsed;
    }

    /** Parses without remembering: for a rule whose records differ at every name. */
    static Parsed parse(List<String> texts) {
        List<String> kept = new ArrayList<>();
        List<byte[]> wire = new ArrayList<>();
        for (String text : texts) {
            byte[] bytes = record(text).rdataToWireCanonical();
            if (wire.stream().noneMatch(w -> Arrays.equals(w, bytes))) {
                kept.add(text);
                wire.add(bytes);
            }
        }
        return new Parsed(List.copyOf(kept), wire.toArray(new byte[0][]));
    }

    /**
     * The record at the root: CAA RDATA holds no name, so every owner gives the same RDATA.
     *
     * @throws IllegalArgumentException when the text does not parse as CAA RDATA
     */
    private static Record record(String text) {
        try {
            return Record.fromString(Name.root, Type.CAA, DClass.IN, 0, text, Name.root);
        } catch (java.io.IOException | RuntimeException e) {
            throw new IllegalArgumentException("`" + text + "` is not CAA RDATA: " + e.getMessage(), e);
        }
    }
}
