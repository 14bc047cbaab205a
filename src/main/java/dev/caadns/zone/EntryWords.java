package dev.caadns.zone;

/**
 * Splits a plain entry into blank-separated words, quoted or not, without copying it. "Plain" means
 * printable ASCII with no escapes and no parentheses, and quotes only around whole words: text where
 * dnsjava's tokenizer would give the same words. Anything else is left to that tokenizer, so its
 * rules and error messages stay the only ones for unusual input. One instance is reused per entry.
 */
final class EntryWords {

    /** A byte of an unquoted word: printable ASCII but blanks and {@code ( ) ; " \\}. */
    private static final boolean[] WORD = new boolean[256];
    /** A byte inside quotes: printable ASCII or space, but {@code " \\}. */
    private static final boolean[] QUOTED = new boolean[256];

    static {
        for (int c = 0x20; c <= 0x7e; c++) {
            QUOTED[c] = c != '"' && c != '\\';
            WORD[c] = QUOTED[c] && c != ' ' && c != '(' && c != ')' && c != ';';
        }
    }

    private byte[] text;
    private int count;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];

    /** Splits text[from, to); false when the entry is not plain (the words are then undefined). */
    boolean split(byte[] entryText, int from, int to) {
        text = entryText;
        count = 0;
        int i = from;
        while (true) {
            while (i < to && isBlank(text[i])) {
                i++;
            }
            if (i == to) {
                return true;
            }
            boolean isQuoted = text[i] == '"';
            int start = isQuoted ? i + 1 : i;
            int end = start;
            boolean[] plain = isQuoted ? QUOTED : WORD;
            while (end < to && plain[text[end] & 0xff]) {
                end++;
            }
            if (isQuoted) {
                // closed by a quote, which a blank or the end follows
                if (end == to || text[end] != '"' || (end + 1 < to && !isBlank(text[end + 1]))) {
                    return false;
                }
                i = end + 1;
            } else {
                if (end < to && !isBlank(text[end])) {
                    return false;
                }
                i = end;
            }
            add(start, end, isQuoted);
        }
    }

    int count() {
        return count;
    }

    byte[] text() {
        return text;
    }

    int start(int i) {
        return starts[i];
    }

    int end(int i) {
        return ends[i];
    }

    int length(int i) {
        return ends[i] - starts[i];
    }

    String word(int i) {
        return new String(text, starts[i], ends[i] - starts[i], java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    boolean quoted(int i) {
        return quoted[i];
    }

    /** True when word i is {@code s} (upper-case ASCII) unquoted, in any letter case. */
    boolean is(int i, String s) {
        if (i >= count || quoted[i] || ends[i] - starts[i] != s.length()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            int c = text[starts[i] + k];
            if (c >= 'a' && c <= 'z') {
                c -= 32;
            }
            if (c != s.charAt(k)) {
                return false;
            }
        }
        return true;
    }

    boolean startsWithDigit(int i) {
        return i < count && !quoted[i] && isDigit(text[starts[i]]);
    }

    /** Word i as an unquoted decimal number of at most {@code max}, or -1. */
    long number(int i, long max) {
        if (i >= count || quoted[i] || ends[i] - starts[i] > 10) {
            return -1;
        }
        long value = 0;
        for (int p = starts[i]; p < ends[i]; p++) {
            byte c = text[p];
            if (!isDigit(c)) {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value <= max ? value : -1;
    }

    private void add(int start, int end, boolean isQuoted) {
        if (count == starts.length) {
            starts = java.util.Arrays.copyOf(starts, count * 2);
            ends = java.util.Arrays.copyOf(ends, count * 2);
            quoted = java.util.Arrays.copyOf(quoted, count * 2);
        }
        starts[count] = start;
        ends[count] = end;
        quoted[count] = isQuoted;
        count++;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
