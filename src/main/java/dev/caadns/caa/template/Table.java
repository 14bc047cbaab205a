package dev.caadns.caa.template;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A rule's CSV table: a header naming the columns, then one row per key. The first column is the
 * key the rule's first capture is looked up in (case-insensitively, so it must be a DNS label).
 */
final class Table {
    private static final Pattern COLUMN = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");

    /**
     * @param number 1-based among the data rows
     * @param line where the row starts in the file
     * @param cells the row's values in the order of the table's columns, the key first and lowercased:
     *     an array, not a map per row, as a table may have a million rows
     */
    record Row(int number, long line, String[] cells) {
        String key() {
            return cells[0];
        }

        /** Column name to value, for filling in a rule's placeholders. */
        Map<String, String> values(List<String> columns) {
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                values.put(columns.get(i), cells[i]);
            }
            return values;
        }
    }

    private final Path file;
    private final List<String> columns;
    private final List<Row> rows;

    private Table(Path file, List<String> columns, List<Row> rows) {
        this.file = file;
        this.columns = List.copyOf(columns);
        this.rows = List.copyOf(rows);
    }

    /** @throws IllegalArgumentException naming the file, line and what is wrong */
    static Table read(Path file) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(reader, format)) {
            List<String> columns = parser.getHeaderNames();
            if (columns.isEmpty()) {
                throw new IllegalArgumentException(file + ":1: the first line must name the columns, key first");
            }
            for (String column : columns) {
                if (!COLUMN.matcher(column).matches()) {
                    throw new IllegalArgumentException(file + ":1: column `" + column
                            + "` is not a name of letters, digits, - and _");
                }
            }
            Map<String, Row> byKey = new LinkedHashMap<>();
            Map<String, String> distinct = new HashMap<>(); // rows repeat their values: one string each
            for (CSVRecord record : parser) {
                Row row = row(file, columns, record, byKey.size() + 1, parser.getCurrentLineNumber(), distinct);
                if (byKey.putIfAbsent(row.key(), row) != null) {
                    throw new IllegalArgumentException(file + ":" + row.line() + ": key `" + row.key()
                            + "` is already in row " + byKey.get(row.key()).number());
                }
            }
            return new Table(file, columns, new ArrayList<>(byKey.values()));
        }
    }

    private static Row row(Path file, List<String> columns, CSVRecord record, int number, long line,
                           Map<String, String> distinct) {
        if (record.size() != columns.size()) {
            throw new IllegalArgumentException(file + ":" + line + ": " + record.size() + " columns, the header has "
                    + columns.size());
        }
        String key = record.get(0);
        if (!isLabel(key)) {
            throw new IllegalArgumentException(file + ":" + line + ": key `" + key
                    + "` is not a DNS label (letters, digits, inner hyphens)");
        }
        String[] cells = new String[columns.size()];
        cells[0] = key.toLowerCase(Locale.ROOT);
        for (int i = 1; i < cells.length; i++) {
            cells[i] = distinct.computeIfAbsent(record.get(i), value -> value);
        }
        return new Row(number, line, cells);
    }

    /**
     * A DNS label of letters, digits and inner hyphens, 1 to 63 of them: written out, not a regular
     * expression, as a million rows ask.
     */
    static boolean isLabel(String key) {
        int n = key.length();
        if (n == 0 || n > 63 || key.charAt(0) == '-' || key.charAt(n - 1) == '-') {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = key.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    Path file() {
        return file;
    }

    List<String> columns() {
        return columns;
    }

    List<Row> rows() {
        return rows;
    }
}
