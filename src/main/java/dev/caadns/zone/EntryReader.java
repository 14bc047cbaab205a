package dev.caadns.zone;

import java.util.List;
import java.util.function.Consumer;

/**
 * Splits master-file text (RFC 1035 §5.1) into logical entries with their start line, because
 * dnsjava's {@code Master} does not tell which line a record came from. It only knows enough syntax
 * to find entry boundaries and comments: quotes, backslash escapes, parentheses and {@code ;}.
 */
final class EntryReader {

    /** Thrown for text whose entry boundaries cannot be found (unbalanced parentheses or quotes). */
    static final class SplitException extends Exception {
        final int line;

        SplitException(int line, String message) {
            super(message);
            this.line = line;
        }
    }

    private EntryReader() {
    }

    /**
     * Hands each entry to {@code entries} as it is found, up to the first boundary error, which is
     * added to {@code errors}; the entries before it are kept so their records can still be checked.
     * Streaming keeps a large zone's entry texts from being alive all at once.
     */
    static void split(String file, String text, Consumer<Entry> entries,
                      List<SplitException> errors) {
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

        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : '\n';
            boolean eof = i == text.length();
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
                if (eof) {
                    errors.add(new SplitException(startLine, "unterminated quoted string"));
                    return;
                }
                if (c == '"') {
                    inQuote = false;
                }
                if (c == '\n') {
                    line++;
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
                        errors.add(new SplitException(line, "')' without '('"));
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
                            errors.add(new SplitException(startLine, "'(' is never closed"));
                            return;
                        }
                        body.append(' ');
                    } else {
                        String entryText = body.toString().strip();
                        if (!entryText.isEmpty()) {
                            entries.accept(new Entry(file, startLine, entryText, comment.toString(),
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
