package dev.caadns.tsig;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads BIND's key statements, as {@code tsig-keygen} writes them and {@code nsupdate -k} reads them:
 * {@code key "name" { algorithm hmac-sha256; secret "base64"; };}, with {@code #}, {@code //} and
 * {@code /* *}{@code /} comments. Anything else is an error naming the line.
 */
final class BindKeyFile {
    private record Token(String text, boolean quoted, int line) {
    }

    private final Path file;
    private final List<Token> tokens;
    private int next;

    private BindKeyFile(Path file, List<Token> tokens) {
        this.file = file;
        this.tokens = tokens;
    }

    /** @throws IllegalArgumentException as {@code keys.conf:3: what is wrong} */
    static List<TsigKey> parse(Path file, String text) {
        BindKeyFile reader = new BindKeyFile(file, tokenize(file, text));
        List<TsigKey> keys = new ArrayList<>();
        while (reader.next < reader.tokens.size()) {
            keys.add(reader.key());
        }
        return keys;
    }

    private TsigKey key() {
        Token start = take("key");
        if (!start.text.equals("key") || start.quoted) {
            throw error(start, "expected key \"name\" { ... };, got " + start.text);
        }
        Token name = take("a key name");
        expect("{");
        String algorithm = null;
        String secret = null;
        while (!peek("}")) {
            Token field = take("algorithm, secret or }");
            Token value = take("a value for " + field.text);
            expect(";");
            switch (field.text) {
                case "algorithm" -> algorithm = value.text;
                case "secret" -> secret = value.text;
                default -> throw error(field, "unknown field " + field.text + " in key " + name.text
                        + " (expected algorithm and secret)");
            }
        }
        expect("}");
        expect(";");
        if (algorithm == null || secret == null) {
            throw error(start, "key " + name.text + " needs both algorithm and secret");
        }
        try {
            return TsigKey.parse(name.text, algorithm, secret);
        } catch (IllegalArgumentException e) {
            throw error(start, "key " + name.text + ": " + e.getMessage());
        }
    }

    private boolean peek(String text) {
        return next < tokens.size() && !tokens.get(next).quoted && tokens.get(next).text.equals(text);
    }

    private Token take(String what) {
        if (next >= tokens.size()) {
            int line = tokens.isEmpty() ? 1 : tokens.get(tokens.size() - 1).line;
            throw new IllegalArgumentException(file + ":" + line + ": the file ends where " + what + " should be");
        }
        return tokens.get(next++);
    }

    private void expect(String text) {
        Token t = take(text);
        if (t.quoted || !t.text.equals(text)) {
            throw error(t, "expected " + text + ", got " + t.text);
        }
    }

    private IllegalArgumentException error(Token at, String message) {
        return new IllegalArgumentException(file + ":" + at.line + ": " + message);
    }

    private static List<Token> tokenize(Path file, String s) {
        List<Token> tokens = new ArrayList<>();
        int line = 1;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\n') {
                line++;
                i++;
            } else if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '#' || s.startsWith("//", i)) {
                while (i < s.length() && s.charAt(i) != '\n') {
                    i++;
                }
            } else if (s.startsWith("/*", i)) {
                int end = s.indexOf("*/", i + 2);
                if (end < 0) {
                    throw new IllegalArgumentException(file + ":" + line + ": a /* comment is never closed");
                }
                line += (int) s.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 2;
            } else if (c == '"') {
                int end = s.indexOf('"', i + 1);
                if (end < 0) {
                    throw new IllegalArgumentException(file + ":" + line + ": a quoted string is never closed");
                }
                tokens.add(new Token(s.substring(i + 1, end), true, line));
                line += (int) s.substring(i, end).chars().filter(ch -> ch == '\n').count();
                i = end + 1;
            } else if (c == '{' || c == '}' || c == ';') {
                tokens.add(new Token(String.valueOf(c), false, line));
                i++;
            } else {
                int start = i;
                while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && "{};\"#".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                tokens.add(new Token(s.substring(start, i), false, line));
            }
        }
        return tokens;
    }
}
