package dev.caadns.zone;

/**
 * Splits a plain entry into blank-separated words, quoted or not, without copying it. "Plain" means
 * printable ASCII with no escapes and no parentheses, and quotes only around whole words: text where
 * dnsjava's tokenizer would give the same words. Anything else is left to that tokenizer, so its
 * rules and error messages stay the only ones for unusual input. One instance is reused per entry.
 */
final class EntryWords {

    private String text;
    private int count;
    private int[] starts = new int[16];
    private int[] ends = new int[16];
    private boolean[] quoted = new boolean[16];

    /** False when the entry is not plain; the words are then undefined. */
    boolean split(String entryText) {
        text = entryText;
        count = 0;
        int n = text.length();
        int i = 0;
        while (true) {
            while (i < n && isBlank(text.charAt(i))) {
                i++;
            }
            if (i == n) {
                return true;
            }
            if (text.charAt(i) == '"') {
                int close = text.indexOf('"', i + 1);
                if (close < 0 || (close + 1 < n && !isBlank(text.charAt(close + 1)))
                        || !allPlain(i + 1, close, true)) {
                    return false;
                }
                add(i + 1, close, true);
                i = close + 1;
            } else {
                int start = i;
                while (i < n && !isBlank(text.charAt(i))) {
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

    String word(int i) {
        return text.substring(starts[i], ends[i]);
    }

    boolean quoted(int i) {
        return quoted[i];
    }

    /** True when word i is {@code s} unquoted, in any letter case. */
    boolean is(int i, String s) {
        return i < count && !quoted[i] && ends[i] - starts[i] == s.length()
                && text.regionMatches(true, starts[i], s, 0, s.length());
    }

    /** True when word i is exactly {@code s}, letter case included. */
    boolean sameAs(int i, String s) {
        return ends[i] - starts[i] == s.length() && text.startsWith(s, starts[i]);
    }

    boolean startsWithDigit(int i) {
        return i < count && !quoted[i] && isDigit(text.charAt(starts[i]));
    }

    /** Word i as an unquoted decimal number of at most {@code max}, or -1. */
    long number(int i, long max) {
        if (i >= count || quoted[i] || ends[i] - starts[i] > 10) {
            return -1;
        }
        long value = 0;
        for (int p = starts[i]; p < ends[i]; p++) {
            char c = text.charAt(p);
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

    /** Inside quotes only the quote and backslash are special; outside, also ( ) and ;. */
    private boolean allPlain(int from, int to, boolean inQuotes) {
        for (int p = from; p < to; p++) {
            char c = text.charAt(p);
            if (c < 0x20 || c > 0x7e || c == '\\'
                    || (!inQuotes && (c == '(' || c == ')' || c == ';' || c == '"'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
