package dev.caadns.caa;

import java.net.IDN;
import java.util.Locale;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * What a certificate would be issued for: a DNS name, a wildcard {@code *.name}, or a mailbox
 * {@code user@name} (S/MIME, RFC 9495).
 *
 * @param text as the user wrote it
 * @param kind which of the three
 * @param domain where the relevant-RRset search starts: the name, the name under {@code *.}, or the
 *               mailbox's domain, lowercased, in A-labels, absolute
 */
public record Identifier(String text, Kind kind, Name domain) {

    public enum Kind { DNS_NAME, WILDCARD, MAILBOX }

    public static Identifier parse(String text) {
        String trimmed = text.trim();
        Kind kind = Kind.DNS_NAME;
        String domain = trimmed;
        int at = trimmed.lastIndexOf('@');
        if (at >= 0) {
            kind = Kind.MAILBOX;
            domain = trimmed.substring(at + 1);
        } else if (trimmed.startsWith("*.")) {
            kind = Kind.WILDCARD;
            domain = trimmed.substring(2);
        }
        return new Identifier(trimmed, kind, absolute(domain));
    }

    private static Name absolute(String domain) {
        String ascii = IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        if (ascii.isEmpty() || ascii.equals(".")) {
            throw new IllegalArgumentException("no domain name in identifier");
        }
        try {
            return Name.fromString(ascii.endsWith(".") ? ascii : ascii + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a domain name: " + domain, e);
        }
    }
}
