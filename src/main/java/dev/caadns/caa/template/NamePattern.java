package dev.caadns.caa.template;

import dev.caadns.zone.WireName;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The owner-name pattern of a template rule, matched label by label against names in wire form:
 * a literal label matches itself in any case, {@code *} exactly one label, {@code **} one or more,
 * {@code {name}} one label, which it captures. A capture takes only letter-digit-hyphen labels, so a
 * value put into a record has the shape the load-time checks saw.
 */
final class NamePattern {
    /** {@link #match} result: the name does not match. */
    static final int NO_MATCH = -2;
    /** {@link #match} result: the name matches and the pattern captures nothing. */
    static final int NO_CAPTURE = -1;

    private static final Pattern CAPTURE_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final int MAX_LABEL = 63;

    private enum Kind { LITERAL, ONE, MANY, CAPTURE }

    /** The label {@code *} and {@code **} become in a representative name. */
    private static final String ANY_TEXT = "any";
    private static final byte[] ANY = ANY_TEXT.getBytes(StandardCharsets.US_ASCII);

    /** @param label lowercase label bytes for LITERAL; @param capture index among captures for CAPTURE */
    private record Element(Kind kind, byte[] label, int capture) {
    }

    private final String text;
    private final Element[] elements;
    private final List<String> captures;
    private final byte[] literalSuffix;
    private final int literalLabels;
    private final int manyCount;

    private NamePattern(String text, Element[] elements, List<String> captures, byte[] literalSuffix) {
        this.text = text;
        this.elements = elements;
        this.captures = List.copyOf(captures);
        this.literalSuffix = literalSuffix;
        int literal = 0;
        int many = 0;
        for (Element e : elements) {
            literal += e.kind == Kind.LITERAL ? 1 : 0;
            many += e.kind == Kind.MANY ? 1 : 0;
        }
        this.literalLabels = literal;
        this.manyCount = many;
    }

    /** @throws IllegalArgumentException saying what is wrong with the pattern */
    static NamePattern parse(String text) {
        if (!text.endsWith(".") || text.equals(".")) {
            throw new IllegalArgumentException("a pattern is an absolute name ending in a dot, like {tenant}.customers.lab.test.");
        }
        String[] labels = text.substring(0, text.length() - 1).split("\\.", -1);
        Element[] elements = new Element[labels.length];
        List<String> captures = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            elements[i] = element(labels[i], captures);
        }
        ByteArrayOutputStream suffix = new ByteArrayOutputStream();
        int firstLiteral = elements.length;
        while (firstLiteral > 0 && elements[firstLiteral - 1].kind == Kind.LITERAL) {
            firstLiteral--;
        }
        if (firstLiteral == elements.length) {
            throw new IllegalArgumentException("a pattern must end in literal labels saying where it applies, like .lab.test.");
        }
        for (int i = firstLiteral; i < elements.length; i++) {
            suffix.write(elements[i].label.length);
            suffix.writeBytes(elements[i].label);
        }
        suffix.write(0);
        return new NamePattern(text, elements, captures, suffix.toByteArray());
    }

    private static Element element(String label, List<String> captures) {
        if (label.equals("*")) {
            return new Element(Kind.ONE, null, -1);
        }
        if (label.equals("**")) {
            return new Element(Kind.MANY, null, -1);
        }
        if (label.startsWith("{") && label.endsWith("}")) {
            String name = label.substring(1, label.length() - 1);
            if (!CAPTURE_NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("capture {" + name + "} needs a name of letters, digits, - and _");
            }
            if (captures.contains(name)) {
                throw new IllegalArgumentException("capture {" + name + "} appears twice");
            }
            captures.add(name);
            return new Element(Kind.CAPTURE, null, captures.size() - 1);
        }
        if (label.isEmpty() || label.length() > MAX_LABEL || label.matches(".*[{}*\\\\\\s].*")) {
            throw new IllegalArgumentException("label `" + label + "` is neither a literal label, *, ** nor {name}");
        }
        return new Element(Kind.LITERAL, label.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII), -1);
    }

    /** As written in the config. */
    String text() {
        return text;
    }

    /** Names of the captures, in order; the first one is the table key. */
    List<String> captures() {
        return captures;
    }

    /** The literal labels the pattern ends with, lowercase wire form: where the rule is indexed. */
    byte[] literalSuffix() {
        return literalSuffix;
    }

    /** True for a pattern of literal labels only: it matches one name. */
    boolean isLiteral() {
        return literalLabels == elements.length;
    }

    /** Sorts more specific patterns first: more literal labels, then fewer {@code **}. */
    int compareSpecificity(NamePattern other) {
        if (literalLabels != other.literalLabels) {
            return Integer.compare(other.literalLabels, literalLabels);
        }
        return Integer.compare(manyCount, other.manyCount);
    }

    /**
     * Matches the whole name starting at off (up to its terminal zero).
     *
     * @return {@link #NO_MATCH}, {@link #NO_CAPTURE}, or the offset of the first captured label
     */
    int match(byte[] name, int off) {
        return from(0, name, off, null);
    }

    /** The captured labels of a name that {@link #match}es, in capture order. */
    List<String> captured(byte[] name, int off) {
        int[] at = new int[captures.size()];
        if (from(0, name, off, at) == NO_MATCH) {
            throw new IllegalArgumentException("name does not match " + text);
        }
        List<String> values = new ArrayList<>();
        for (int p : at) {
            values.add(new String(name, p + 1, name[p], StandardCharsets.US_ASCII).toLowerCase(Locale.ROOT));
        }
        return values;
    }

    /** Which captured labels a rule accepts as its first capture (its table's keys). */
    interface Keys {
        boolean contains(byte[] name, int labelOffset);
    }

    /**
     * True when some name strictly below the one at off matches with a key the rule accepts: the
     * name then exists as an empty non-terminal once the rule synthesizes below it (RFC 8020).
     */
    boolean matchesBelow(byte[] name, int off, Keys keys) {
        // elements[0..k) take labels below the name, elements[k..] the name; a leading ** can do both.
        for (int k = 0; k < elements.length; k++) {
            if (k == 0 && elements[0].kind != Kind.MANY) {
                continue;
            }
            int capture = from(k, name, off, null);
            if (capture == NamePattern.NO_MATCH) {
                continue;
            }
            boolean keyBelow = firstCapture() < k; // any key will do for a label below the name
            if (keyBelow || capture == NO_CAPTURE || keys.contains(name, capture)) {
                return true;
            }
        }
        return false;
    }

    private int firstCapture() {
        for (int i = 0; i < elements.length; i++) {
            if (elements[i].kind == Kind.CAPTURE) {
                return i;
            }
        }
        return elements.length;
    }

    /** A name this pattern matches, for showing and checking rules: {@code *} and {@code **} become {@code any}. */
    String representative(List<String> values) {
        StringBuilder out = new StringBuilder();
        for (Element e : elements) {
            out.append(switch (e.kind) {
                case LITERAL -> new String(e.label, StandardCharsets.US_ASCII);
                case ONE, MANY -> ANY_TEXT;
                case CAPTURE -> values.get(e.capture);
            }).append('.');
        }
        return out.toString();
    }

    /**
     * {@link #representative} with its one capture filled in by a DNS label, in wire form (the
     * literal labels lowercase, as there), without text to parse; null when longer than a name may be.
     */
    byte[] representativeWire(String label) {
        int length = 1;
        for (Element e : elements) {
            length += 1 + switch (e.kind) {
                case LITERAL -> e.label.length;
                case ONE, MANY -> ANY.length;
                case CAPTURE -> label.length();
            };
        }
        if (length > 255) {
            return null;
        }
        byte[] wire = new byte[length];
        int p = 0;
        for (Element e : elements) {
            byte[] bytes = switch (e.kind) {
                case LITERAL -> e.label;
                case ONE, MANY -> ANY;
                case CAPTURE -> label.getBytes(StandardCharsets.US_ASCII);
            };
            wire[p] = (byte) bytes.length;
            System.arraycopy(bytes, 0, wire, p + 1, bytes.length);
            p += 1 + bytes.length;
        }
        return wire;
    }

    private int from(int i, byte[] name, int p, int[] at) {
        int length = name[p] & 0xff;
        if (i == elements.length) {
            return length == 0 ? NO_CAPTURE : NO_MATCH;
        }
        if (length == 0) {
            return NO_MATCH;
        }
        int next = p + length + 1;
        Element e = elements[i];
        switch (e.kind) {
            case LITERAL:
                return sameLabel(e.label, name, p) ? from(i + 1, name, next, at) : NO_MATCH;
            case ONE:
                return from(i + 1, name, next, at);
            case CAPTURE:
                if (!letterDigitHyphen(name, p) || from(i + 1, name, next, at) == NO_MATCH) {
                    return NO_MATCH;
                }
                if (at != null) {
                    at[e.capture] = p;
                }
                return p;
            default:
                for (int q = next; ; q += (name[q] & 0xff) + 1) {
                    int rest = from(i + 1, name, q, at);
                    if (rest != NO_MATCH) {
                        return rest;
                    }
                    if (name[q] == 0) {
                        return NO_MATCH;
                    }
                }
        }
    }

    private static boolean sameLabel(byte[] lowercase, byte[] name, int p) {
        if ((name[p] & 0xff) != lowercase.length) {
            return false;
        }
        for (int i = 0; i < lowercase.length; i++) {
            if (WireName.toLower(name[p + 1 + i]) != lowercase[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean letterDigitHyphen(byte[] name, int p) {
        for (int i = p + 1, end = p + 1 + (name[p] & 0xff); i < end; i++) {
            byte b = name[i];
            if (!(b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '-')) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
