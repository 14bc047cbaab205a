package dev.caadns.zone;

/**
 * Splits a plain entry into blank-separated words, quoted or not, without copying it. "Plain" means
 * printable ASCII with no escapes and no parentheses, and quotes only around whole words: text where
 * dnsjava's tokenizer would give the same words. Anything else is left to that tokenizer, so its
 * rules and error messages stay the only ones for unusual input. One instance is reused per entry.
 */
final class EntryWords {

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
            if (text[i] == '"') {
                int close = indexOfQuote(i + 1, to);
                if (close < 0 || (close + 1 < to && !isBlank(text[close + 1]))
                        || !allPlain(i + 1, close, true)) {
                    return false;
                }
                add(i + 1, close, true);
                i = close + 1;
            } else {
                int start = i;
                while (i < to && !isBlank(text[i])) {
                    i++;
                }
                if (!allPlain(start, i, false)) {
                    return false;
                }
                add(start, i, false);
            }
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

    private int indexOfQuote(int from, int to) {
        for (int p = from; p < to; p++) {
            if (text[p] == '"') {
                return p;
            }
        }
        return -1;
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

    /** Inside quotes only the quote and backslash are special; outside, also ( ) and ;. */
    private boolean allPlain(int from, int to, boolean inQuotes) {
        for (int p = from; p < to; p++) {
            byte c = text[p];
            if (c < 0x20 || c > 0x7e || c == '\\'
                    || (!inQuotes && (c == '(' || c == ')' || c == ';' || c == '"'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isDigit(byte c) {
        return c >= '0' && c <= '9';
    }
}
