package dev.caadns.zone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Supplier;
import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Tokenizer;
import org.xbill.DNS.Type;

/**
 * Reads a record's rdata with dnsjava, plus the two escape hatches a CAA lab needs: RFC 3597
 * generic data ({@code \# len hex}) kept byte-exact for CAA even when malformed, and CAA values
 * longer than 255 bytes written in text, which dnsjava's text parser refuses but the wire allows.
 */
final class RdataReader {

    private static final String TOO_LONG = "text string too long";

    private RdataReader() {
    }

    /**
     * @param st positioned at the rdata
     * @param rdataAgain a fresh tokenizer positioned at the same rdata, for the long-CAA retry
     */
    static Record read(Name owner, int type, int dclass, long ttl, Tokenizer st, Name origin,
                       Supplier<Tokenizer> rdataAgain) throws IOException {
        Tokenizer.Token first = st.get();
        if (first.type() == Tokenizer.IDENTIFIER && first.value().equals("\\#")) {
            return generic(owner, type, dclass, ttl, st);
        }
        st.unget();
        try {
            return Record.fromString(owner, type, dclass, ttl, st, origin);
        } catch (TextParseException e) {
            if (type == Type.CAA && e.getMessage().endsWith(TOO_LONG)) {
                return longCaa(owner, dclass, ttl, rdataAgain.get());
            }
            throw e;
        } catch (RuntimeException e) {
            // dnsjava's text parsers fail on some odd input with what they did not expect (NSAP "0")
            throw st.exception("not valid " + Type.string(type) + " rdata");
        }
    }

    private static Record generic(Name owner, int type, int dclass, long ttl, Tokenizer st)
            throws IOException {
        int length = st.getUInt16();
        byte[] data = st.getHex();
        if (data == null) {
            data = new byte[0];
        }
        if (length != data.length) {
            throw st.exception("RFC 3597 length says " + length + " bytes but the hex holds "
                    + data.length);
        }
        Record typed = decode(owner, type, dclass, ttl, data);
        if (type == Type.CAA && (typed == null || !Arrays.equals(Rdata.wire(typed), data))) {
            // a lab serves malformed CAA on purpose: keep the bytes as written
            return new OpaqueRecord(owner, type, dclass, ttl, data);
        }
        if (typed == null) {
            throw st.exception("the " + length + " bytes are not valid " + Type.string(type)
                    + " rdata");
        }
        return typed;
    }

    /** dnsjava's typed decoding of wire rdata, or null when it rejects the bytes. */
    private static Record decode(Name owner, int type, int dclass, long ttl, byte[] data) {
        try {
            return Record.newRecord(owner, type, dclass, ttl, data);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** {@code flags tag value} with RFC 1035 escapes, value of any length (RFC 8659 §4.1.1). */
    private static Record longCaa(Name owner, int dclass, long ttl, Tokenizer st)
            throws IOException {
        int flags = st.getUInt8();
        byte[] tag = unescape(st.getString(), st);
        if (tag.length > 255) {
            throw st.exception("CAA tag longer than 255 bytes");
        }
        byte[] value = unescape(st.getString(), st);
        Tokenizer.Token rest = st.get();
        if (!rest.isEOL()) {
            throw st.exception("unexpected tokens after the CAA value");
        }
        DNSOutput out = new DNSOutput();
        out.writeU8(flags);
        out.writeCountedString(tag);
        out.writeByteArray(value);
        return Record.newRecord(owner, Type.CAA, dclass, ttl, out.toByteArray());
    }

    /** {@code \DDD} and {@code \X}; other characters are taken as the bytes the file held. */
    private static byte[] unescape(String s, Tokenizer st) throws TextParseException {
        byte[] in = s.getBytes(StandardCharsets.ISO_8859_1);
        DNSOutput out = new DNSOutput();
        for (int i = 0; i < in.length; i++) {
            if (in[i] != '\\') {
                out.writeU8(in[i] & 0xff);
            } else if (i + 3 < in.length && isDigits(in, i + 1)) {
                int v = (in[i + 1] - '0') * 100 + (in[i + 2] - '0') * 10 + (in[i + 3] - '0');
                if (v > 255) {
                    throw st.exception("bad escape \\" + v);
                }
                out.writeU8(v);
                i += 3;
            } else if (i + 1 < in.length && !Character.isDigit(in[i + 1])) {
                out.writeU8(in[++i] & 0xff);
            } else {
                throw st.exception("bad escape in \"" + s + "\"");
            }
        }
        return out.toByteArray();
    }

    private static boolean isDigits(byte[] in, int from) {
        return Character.isDigit(in[from]) && Character.isDigit(in[from + 1])
                && Character.isDigit(in[from + 2]);
    }
}
