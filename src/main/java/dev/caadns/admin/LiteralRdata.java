package dev.caadns.admin;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * TXT and CAA records from challtestsrv-style values, taken literally as challtestsrv takes them:
 * the value's UTF-8 bytes go on the wire as sent, with no zone-file escapes ({@code \065} stays four
 * characters, a lone {@code \} is a backslash). Too long for its field is a 400.
 */
final class LiteralRdata {
    /** A TXT character-string holds at most 255 bytes (RFC 1035 §3.3). */
    private static final int MAX_STRING = 255;
    private static final int MAX_RDATA = 65535;

    private LiteralRdata() {
    }

    static Record txt(Name owner, long ttl, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_STRING) {
            throw ApiException.badRequest("value: " + bytes.length + " bytes; a TXT string holds at most "
                    + MAX_STRING + " (a dns-01 value is 43)");
        }
        ByteArrayOutputStream rdata = new ByteArrayOutputStream(bytes.length + 1);
        rdata.write(bytes.length);
        rdata.writeBytes(bytes);
        return Record.newRecord(owner, Type.TXT, DClass.IN, ttl, rdata.toByteArray());
    }

    /** Flags 0, as challtestsrv's policies have no flags field. */
    static Record caa(Name owner, long ttl, String tag, String value) {
        byte[] tagBytes = tag.getBytes(StandardCharsets.UTF_8);
        byte[] valueBytes = value.getBytes(StandardCharsets.UTF_8);
        if (tagBytes.length > MAX_STRING) {
            throw ApiException.badRequest("policies: tag of " + tagBytes.length + " bytes; a CAA tag holds at most "
                    + MAX_STRING + " (and should be issue, issuewild, iodef, ...)");
        }
        if (2 + tagBytes.length + valueBytes.length > MAX_RDATA) {
            throw ApiException.badRequest("policies: value of " + valueBytes.length + " bytes does not fit in one CAA record");
        }
        ByteArrayOutputStream rdata = new ByteArrayOutputStream(2 + tagBytes.length + valueBytes.length);
        rdata.write(0);
        rdata.write(tagBytes.length);
        rdata.writeBytes(tagBytes);
        rdata.writeBytes(valueBytes);
        return Record.newRecord(owner, Type.CAA, DClass.IN, ttl, rdata.toByteArray());
    }
}
