package dev.caadns.admin;

import java.util.Locale;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** Names and types as the API takes them, with a 400 naming the field when one is wrong. */
final class Names {
    private Names() {
    }

    /** A name; relative names are taken under origin ({@code @} is origin itself). */
    static Name parse(String field, String text, Name origin) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(field + ": required");
        }
        try {
            return text.equals("@") ? origin : Name.fromString(text, origin);
        } catch (TextParseException e) {
            throw ApiException.badRequest(field + ": not a domain name: \"" + text + "\" (" + e.getMessage() + ")");
        }
    }

    static int type(String text) {
        int type = Type.value(text.toUpperCase(Locale.ROOT));
        if (type < 0) {
            throw ApiException.badRequest("type: unknown record type \"" + text + "\"");
        }
        return type;
    }
}
