package dev.caadns.caa;

import dev.caadns.zone.LoadedZone;
import dev.caadns.zone.SourcedRecord;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Master;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** Builds test zones from master-file lines (origin lab.test.), one record per line. */
final class TestZones {
    static final Name ORIGIN = name("lab.test.");

    private TestZones() {
    }

    static Name name(String text) {
        try {
            return Name.fromString(text, ORIGIN == null ? Name.root : ORIGIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Each line is one record as in a zone file, comment included. */
    static LoadedZone zone(String... lines) {
        List<SourcedRecord> records = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            records.add(new SourcedRecord(parse(lines[i]), "lab.test.zone", i + 1, comment(lines[i])));
        }
        return zone(records);
    }

    static LoadedZone zone(List<SourcedRecord> records) {
        return new LoadedZone(ORIGIN, Path.of("lab.test.zone"), records, List.of(), 0);
    }

    static Record parse(String line) {
        String text = "$ORIGIN " + ORIGIN + "\n$TTL 300\n" + line + "\n";
        try (Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)))) {
            return master.nextRecord();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The text after the first ';' outside quotes, as the loader reports it. */
    static String comment(String line) {
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ';' && !quoted) {
                return line.substring(i + 1).trim();
            }
        }
        return "";
    }

    /**
     * A type-257 record with arbitrary RDATA. dnsjava refuses to build a CAARecord from bytes it
     * cannot split, so this builds the UNKRecord the zone loader hands over for such {@code \#} data.
     */
    static Record rawCaa(String owner, byte[] rdata) {
        try {
            Constructor<?> constructor = Class.forName("org.xbill.DNS.UNKRecord").getDeclaredConstructor();
            constructor.setAccessible(true);
            Record record = (Record) constructor.newInstance();
            set(Record.class, record, "name", name(owner));
            set(Record.class, record, "type", Type.CAA);
            set(Record.class, record, "dclass", DClass.IN);
            set(Record.class, record, "ttl", 300L);
            set(record.getClass(), record, "data", rdata);
            return record;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("dnsjava internals changed", e);
        }
    }

    private static void set(Class<?> owner, Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = owner.getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }
}
