package dev.caadns.tsig;

import java.util.Locale;
import org.xbill.DNS.Name;

/** The HMAC algorithms of RFC 8945 §6, by the names they carry on the wire and in BIND's key files. */
public enum TsigAlgorithm {
    HMAC_MD5("hmac-md5.sig-alg.reg.int.", "HmacMD5", 16),
    HMAC_SHA1("hmac-sha1.", "HmacSHA1", 20),
    HMAC_SHA224("hmac-sha224.", "HmacSHA224", 28),
    HMAC_SHA256("hmac-sha256.", "HmacSHA256", 32),
    HMAC_SHA384("hmac-sha384.", "HmacSHA384", 48),
    HMAC_SHA512("hmac-sha512.", "HmacSHA512", 64);

    private final Name wireName;
    private final String jcaName;
    private final int outputLength;

    TsigAlgorithm(String wireName, String jcaName, int outputLength) {
        this.wireName = Name.fromConstantString(wireName);
        this.jcaName = jcaName;
        this.outputLength = outputLength;
    }

    /** The algorithm name in the TSIG RR, e.g. {@code hmac-sha256.}. */
    public Name wireName() {
        return wireName;
    }

    String jcaName() {
        return jcaName;
    }

    /** Octets of the full MAC. */
    public int outputLength() {
        return outputLength;
    }

    /** The shortest MAC RFC 8945 §5.2.2.1 accepts for this algorithm: half the output, at least 10 octets. */
    public int shortestMac() {
        return Math.max(10, outputLength / 2);
    }

    /** The short name users write, {@code hmac-sha256}. */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The algorithm named in a TSIG RR, or null when it is not one we have. */
    public static TsigAlgorithm ofWireName(Name name) {
        for (TsigAlgorithm a : values()) {
            if (a.wireName.equals(name)) {
                return a;
            }
        }
        return null;
    }

    /** The algorithm a user named ({@code hmac-sha256}, {@code HMAC-SHA256.}, {@code hmac-md5.sig-alg.reg.int}), or null. */
    static TsigAlgorithm ofLabel(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        String bare = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        for (TsigAlgorithm a : values()) {
            String wire = a.wireName.toString();
            if (a.label().equals(bare) || wire.substring(0, wire.length() - 1).equals(bare)) {
                return a;
            }
        }
        return null;
    }
}
