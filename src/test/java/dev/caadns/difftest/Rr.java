package dev.caadns.difftest;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * One resource record as the differential test compares it: by canonical text (owner and embedded
 * names lower-cased, TTL kept), so the random letter case of a question never counts but a TTL does.
 */
final class Rr implements Comparable<Rr> {
    private final Record record;
    private final String text;

    Rr(Record record) {
        this.record = canonicalForm(record);
        this.text = this.record.toString();
    }

    private static Record canonicalForm(Record record) {
        try {
            return Record.fromWire(record.toWireCanonical(), Section.ANSWER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Name owner() {
        return record.getName();
    }

    int type() {
        return record.getType();
    }

    Record record() {
        return record;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Rr && ((Rr) other).text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public int compareTo(Rr other) {
        return text.compareTo(other.text);
    }

    @Override
    public String toString() {
        return text;
    }
}
