package dev.caadns.caa;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An issue/issuewild/issuemail/issuevmc value read with RFC 8659 §4.2's ABNF (erratum 7139 names).
 * A value that does not match is {@linkplain #wellFormed() malformed}, which CAs must read as an empty
 * issuer: nobody may issue.
 *
 * @param issuer the issuer domain name as published, "" when none (";" = nobody)
 * @param parameters the parameters in order, duplicates kept
 * @param malformation why the value does not match the grammar, or null when it does
 */
public record IssueValue(String issuer, List<Parameter> parameters, Malformation malformation) {

    /** One {@code parameter-tag=parameter-value} pair. */
    public record Parameter(String tag, String value) {
    }

    /** Where the grammar broke and how to fix the zone file. */
    public record Malformation(String message, String hint) {
    }

    public IssueValue {
        parameters = List.copyOf(parameters);
    }

    public boolean wellFormed() {
        return malformation == null;
    }

    /** True when the value names no issuer, well-formed or not: CAs read it as "nobody". */
    public boolean authorisesNobody() {
        return !wellFormed() || issuer.isEmpty();
    }

    public static IssueValue parse(byte[] value) {
        return new Scanner(new String(value, StandardCharsets.ISO_8859_1)).read();
    }

    /** A hand-written scanner: each way out of the grammar gets its own message. */
    private static final class Scanner {
        private final String text;
        private int pos;
        private String issuer = "";
        private final List<Parameter> parameters = new ArrayList<>();

        Scanner(String text) {
            this.text = text;
        }

        IssueValue read() {
            skipWsp();
            if (!atEnd() && peek() != ';') {
                issuer = token();
                Malformation bad = IssuerDomain.problem(issuer);
                if (bad != null) {
                    return broken(bad);
                }
                skipWsp();
            }
            if (atEnd()) {
                return done();
            }
            if (peek() != ';') {
                return broken(new Malformation(
                        "unexpected " + describe(peek()) + " after issuer `" + issuer + "`",
                        "put `;` between the issuer and its parameters, and no spaces inside the issuer"));
            }
            pos++;
            skipWsp();
            while (!atEnd()) {
                Malformation bad = parameter();
                if (bad != null) {
                    return broken(bad);
                }
                skipWsp();
                if (atEnd()) {
                    break;
                }
                if (peek() != ';') {
                    return broken(new Malformation("unexpected " + describe(peek()) + " after parameter `"
                            + last().tag() + "=" + last().value() + "`",
                            "separate parameters with `;`; a parameter value may not contain spaces"));
                }
                pos++;
                skipWsp();
                if (atEnd()) {
                    return broken(new Malformation("trailing `;` after the last parameter",
                            "remove the final `;`: CAs read this value as \"nobody may issue\""));
                }
            }
            return done();
        }

        private Malformation parameter() {
            if (peek() == ';') {
                return new Malformation("empty parameter (`;;`)", "remove the extra `;`");
            }
            String tag = until(c -> c == '=' || c == ';' || isWsp(c));
            Malformation bad = ParameterTag.problem(tag);
            if (bad != null) {
                return bad;
            }
            skipWsp();
            if (atEnd() || peek() != '=') {
                return new Malformation("parameter `" + tag + "` has no `=value`",
                        "write parameters as tag=value, e.g. accounturi=https://ca.example/acct/1");
            }
            pos++;
            skipWsp();
            String value = until(c -> !isParameterValueChar(c));
            parameters.add(new Parameter(tag, value));
            return null;
        }

        private String token() {
            return until(c -> c == ';' || isWsp(c));
        }

        private String until(java.util.function.IntPredicate stop) {
            int start = pos;
            while (!atEnd() && !stop.test(peek())) {
                pos++;
            }
            return text.substring(start, pos);
        }

        private void skipWsp() {
            while (!atEnd() && isWsp(peek())) {
                pos++;
            }
        }

        private Parameter last() {
            return parameters.get(parameters.size() - 1);
        }

        private boolean atEnd() {
            return pos >= text.length();
        }

        private char peek() {
            return text.charAt(pos);
        }

        private IssueValue done() {
            return new IssueValue(issuer, parameters, null);
        }

        private IssueValue broken(Malformation why) {
            return new IssueValue(issuer, parameters, why);
        }
    }

    static boolean isWsp(int c) {
        return c == ' ' || c == '\t';
    }

    /** RFC 8659 parameter-value = *(%x21-3A / %x3C-7E): printable ASCII minus space and ";". */
    static boolean isParameterValueChar(int c) {
        return c >= 0x21 && c <= 0x7E && c != ';';
    }

    static String describe(char c) {
        if (c == ' ' || c == '\t') {
            return "space";
        }
        if (c < 0x20 || c > 0x7E) {
            return "byte \\" + String.format("%03d", (int) c);
        }
        return "`" + c + "`";
    }
}
