package dev.caadns.zone;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Splits master-file text (RFC 1035 §5.1) into logical entries with their start line, because
 * dnsjava's {@code Master} does not tell which line a record came from. It only knows enough syntax
 * to find entry boundaries and comments: quotes, backslash escapes, parentheses and {@code ;}.
 * A one-line entry without parentheses or escapes is offered as bytes first, so the common record
 * costs no string; the entries declined there, and all others, are built as {@link Entry}.
 */
final class EntryReader {

    /** Where the entries go. */
    interface Entries {
        /**
         * A one-line entry, text[from, to) without its comment and blanks around it; false
         * hands it to {@link #entry} instead.
         */
        boolean line(byte[] text, int from, int to, int line, String comment, boolean ownerOmitted);

        void entry(Entry entry);

        /** Text whose entry boundaries cannot be found; comes in file order with the entries. */
        void unreadable(SplitException error);
    }

    /** Thrown for text whose entry boundaries cannot be found (unbalanced parentheses or quotes). */
    static final class SplitException extends Exception {
        final int line;
        /** The entry's first word (its owner as written), or null when the owner is omitted. */
        final String ownerWord;

        SplitException(int line, String message) {
            this(line, message, null);
        }

        SplitException(int line, String message, String ownerWord) {
            super(message);
            this.line = line;
            this.ownerWord = ownerWord;
        }
    }

    /** What can end a line or carry an entry on: a newline, {@code " ; ( ) \\}. */
    private static final boolean[] SPECIAL = new boolean[256];

    static {
        for (char c : "\n\";()\\".toCharArray()) {
            SPECIAL[c] = true;
        }
    }

    private EntryReader() {
    }

    /**
     * Hands each entry to {@code entries} as it is found, and each boundary error in file order. A
     * quote left open at the end of its line drops that entry and reading goes on at the next line
     * (a quoted string cannot span lines, as in BIND and NSD, so the next line is the likeliest
     * place where sane text resumes); unbalanced parentheses stop the file there. Streaming keeps
     * a large zone's entry texts from being alive all at once.
     */
    static void split(String file, byte[] text, Entries entries) {
        try {
            split(file, ZoneText.whole(text), entries);
        } catch (IOException e) {
            throw new UncheckedIOException("text in memory cannot fail to read", e);
        }
    }

    /** As {@link #split(String, byte[], Entries)}, reading the text as it goes. */
    static void split(String file, ZoneText in, Entries entries) throws IOException {
        StringBuilder body = new StringBuilder();
        StringBuilder comment = new StringBuilder();
        StringBuilder currentComment = null;
        boolean inQuote = false;
        boolean escaped = false;
        int depth = 0;
        int line = 1;
        int startLine = 1;
        boolean atEntryStart = true;
        boolean ownerOmitted = false;

        for (int i = 0; ; i++) {
            if (i >= in.limit() && !in.atEnd()) {
                i = in.slide(i);
            }
            if (i > in.limit()) {
                return; // the end was read as a last '\n'
            }
            if (atEntryStart && i >= in.linesEnd() && !in.atEnd()) {
                i = in.slide(i) - 1; // read on, then this line again, whole
                continue;
            }
            byte[] text = in.bytes();
            if (atEntryStart && i < in.limit()) {
                // within whole lines: no check of the window in the fast path (nor a branch the JIT
                // would first see taken a megabyte in, and recompile it all for)
                int end = oneLine(file, text, i, in.linesEnd(), line, entries);
                if (end >= 0) {
                    i = end; // the '\n' (or the end), counted below
                    line++;
                    continue;
                }
            }
            boolean eof = i == in.limit();
            char c = eof ? '\n' : (char) (text[i] & 0xff);
            if (atEntryStart) {
                startLine = line;
                ownerOmitted = c == ' ' || c == '\t';
                atEntryStart = false;
            }
            if (currentComment != null) {
                if (c == '\n') {
                    appendComment(comment, currentComment.toString().strip());
                    currentComment = null;
                } else {
                    if (c != '\r') {
                        currentComment.append(c);
                    }
                    continue;
                }
            }
            if (escaped) {
                body.append(c);
                escaped = false;
                if (c == '\n') {
                    line++;
                }
                continue;
            }
            if (c == '\\' && !eof) {
                body.append(c);
                escaped = true;
                continue;
            }
            if (inQuote) {
                if (c == '\n') {
                    entries.unreadable(new SplitException(line, "quoted string is not closed on"
                            + " the line it opens (line " + line + "); this entry is skipped",
                            ownerOmitted ? null : firstWord(body)));
                    if (eof) {
                        return;
                    }
                    inQuote = false;
                    depth = 0;
                    body.setLength(0);
                    comment.setLength(0);
                    atEntryStart = true;
                    line++;
                    continue;
                }
                if (c == '"') {
                    inQuote = false;
                }
                body.append(c);
                continue;
            }
            switch (c) {
                case '"' -> {
                    inQuote = true;
                    body.append(c);
                }
                case ';' -> currentComment = new StringBuilder();
                case '(' -> {
                    depth++;
                    body.append(c);
                }
                case ')' -> {
                    if (depth == 0) {
                        entries.unreadable(new SplitException(line, "')' without '('"));
                        return;
                    }
                    depth--;
                    body.append(c);
                }
                case '\r' -> {
                    // CRLF files: the '\n' ends the line
                }
                case '\n' -> {
                    if (depth > 0) {
                        if (eof) {
                            entries.unreadable(new SplitException(startLine, "'(' is never closed"));
                            return;
                        }
                        body.append(' ');
                    } else {
                        String entryText = body.toString().strip();
                        if (!entryText.isEmpty()) {
                            entries.entry(new Entry(file, startLine, entryText, comment.toString(),
                                    ownerOmitted));
                        }
                        body.setLength(0);
                        comment.setLength(0);
                        atEntryStart = true;
                    }
                    line++;
                }
                default -> body.append(c);
            }
        }
    }

    /**
     * Offers the line at {@code start} as a one-line entry when nothing in it can carry an entry
     * on (no parentheses, escapes or open quote); the index of its end when taken or blank, else
     * -1 and the caller reads it character by character.
     */
    private static int oneLine(String file, byte[] text, int start, int limit, int line, Entries entries) {
        int commentAt = -1;
        int end = start;
        while (true) {
            while (end < limit && !SPECIAL[text[end] & 0xff]) {
                end++;
            }
            if (end == limit || text[end] == '\n') {
                break;
            }
            byte c = text[end];
            if (c == ';') {
                commentAt = end;
                while (end < limit && text[end] != '\n') {
                    end++;
                }
                break;
            }
            if (c != '"') {
                return -1; // ( ) or \ outside quotes
            }
            end++;
            while (end < limit && text[end] != '"') {
                if (text[end] == '\\' || text[end] == '\n') {
                    return -1; // an escape, or a quote open at the end of its line
                }
                end++;
            }
            if (end == limit) {
                return -1;
            }
            end++;
        }
        int to = commentAt >= 0 ? commentAt : end;
        int from = start;
        while (from < to && isBlank(text[from])) {
            from++;
        }
        while (to > from && isBlank(text[to - 1])) {
            to--;
        }
        String comment = commentAt < 0 ? "" : comment(text, commentAt + 1, end);
        if (from == to) {
            return end; // blank or comment only: no entry
        }
        boolean ownerOmitted = text[start] == ' ' || text[start] == '\t';
        return entries.line(text, from, to, line, comment, ownerOmitted) ? end : -1;
    }

    private static String comment(byte[] text, int from, int to) {
        String comment = new String(text, from, to - from, StandardCharsets.ISO_8859_1);
        return comment.indexOf('\r') < 0 ? comment.strip() : comment.replace("\r", "").strip();
    }

    private static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private static String firstWord(StringBuilder body) {
        int end = 0;
        while (end < body.length() && !Character.isWhitespace(body.charAt(end))
                && body.charAt(end) != '"' && body.charAt(end) != '(') {
            end++;
        }
        return end == 0 ? null : body.substring(0, end);
    }

    private static void appendComment(StringBuilder comment, String part) {
        if (part.isEmpty()) {
            return;
        }
        if (comment.length() > 0) {
            comment.append(' ');
        }
        comment.append(part);
    }
}
