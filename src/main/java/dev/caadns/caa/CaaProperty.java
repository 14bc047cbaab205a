package dev.caadns.caa;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * One CAA resource record's RDATA (RFC 8659 §4.1): flags, tag and value, read from the wire bytes so
 * generic ({@code \#}) records work as well, and keeping those bytes so it is served as published.
 */
public final class CaaProperty {
    static final int ISSUER_CRITICAL = 128;

    private final int flags;
    private final String tag;
    private final byte[] value;
    private final byte[] rdata;

    private CaaProperty(int flags, String tag, byte[] value, byte[] rdata) {
        this.flags = flags;
        this.tag = tag;
        this.value = value;
        this.rdata = rdata;
    }

    /** Splits {@code flags(1) | tagLen(1) | tag | value}. */
    public static CaaProperty fromWire(byte[] rdata) throws MalformedCaaException {
        if (rdata.length < 2) {
            throw new MalformedCaaException("RDATA is " + rdata.length + " byte(s); flags and tag length need 2");
        }
        int tagLength = rdata[1] & 0xFF;
        if (tagLength > rdata.length - 2) {
            throw new MalformedCaaException("tag length " + tagLength + " runs past the end of the "
                    + rdata.length + "-byte RDATA");
        }
        // ISO-8859-1 maps each byte to one char, so odd tag bytes survive for diagnostics.
        String tag = new String(rdata, 2, tagLength, StandardCharsets.ISO_8859_1);
        byte[] value = Arrays.copyOfRange(rdata, 2 + tagLength, rdata.length);
        return new CaaProperty(rdata[0] & 0xFF, tag, value, rdata.clone());
    }

    /** Reads any dnsjava record of type 257, whatever class dnsjava chose for it. */
    public static CaaProperty of(Record record) throws MalformedCaaException {
        if (record.getType() != Type.CAA) {
            throw new IllegalArgumentException("not a CAA record: " + record);
        }
        return fromWire(record.rdataToWireCanonical());
    }

    public int flags() {
        return flags;
    }

    /** The tag exactly as published (case kept). */
    public String tag() {
        return tag;
    }

    public PropertyTag kind() {
        return PropertyTag.of(tag);
    }

    /** Flag bit 0 (value 128), the only flag RFC 8659 defines. */
    public boolean issuerCritical() {
        return (flags & ISSUER_CRITICAL) != 0;
    }

    public byte[] value() {
        return value.clone();
    }

    /** The value as text, one char per byte (non-ASCII stays visible as such). */
    public String valueText() {
        return new String(value, StandardCharsets.ISO_8859_1);
    }

    /** The RDATA bytes as published. */
    public byte[] rdata() {
        return rdata.clone();
    }

    /** The RFC 8659 reading of an issue/issuewild/issuemail/issuevmc value. */
    public IssueValue issueValue() {
        return IssueValue.parse(value);
    }

    /** Presentation form, e.g. {@code 0 issue "ca.example; accounturi=..."}. */
    @Override
    public String toString() {
        return flags + " " + Presentation.escape(tag.getBytes(StandardCharsets.ISO_8859_1)) + " "
                + Presentation.quote(value);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CaaProperty that && Arrays.equals(rdata, that.rdata);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(rdata);
    }
}
