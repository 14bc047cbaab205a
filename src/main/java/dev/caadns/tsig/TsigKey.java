package dev.caadns.tsig;

import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * One shared secret (RFC 8945 §2): its name, algorithm and the MAC length it signs with. A truncated
 * form such as {@code hmac-sha256-128} (BIND's spelling) signs 16-octet MACs and accepts no shorter one.
 */
public final class TsigKey {
    private final Name name;
    private final TsigAlgorithm algorithm;
    private final byte[] secret;
    private final int macLength;

    /** @param macLength octets of MAC to sign with, from the algorithm's shortest legal MAC to its full output */
    public TsigKey(Name name, TsigAlgorithm algorithm, byte[] secret, int macLength) {
        if (macLength < algorithm.shortestMac() || macLength > algorithm.outputLength()) {
            throw new IllegalArgumentException(algorithm.label() + " MACs are " + algorithm.shortestMac() + " to "
                    + algorithm.outputLength() + " octets, not " + macLength);
        }
        if (secret.length == 0) {
            throw new IllegalArgumentException("the secret is empty");
        }
        this.name = name;
        this.algorithm = algorithm;
        this.secret = secret.clone();
        this.macLength = macLength;
    }

    /**
     * A key as users write it: name ({@code lab-key} or {@code lab-key.}), algorithm ({@code hmac-sha256},
     * or truncated {@code hmac-sha256-128}, in bits) and the base64 secret.
     *
     * @throws IllegalArgumentException saying which of the three is wrong and why
     */
    public static TsigKey parse(String name, String algorithm, String secret) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("name is empty");
        }
        Name keyName;
        try {
            keyName = Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("name \"" + name + "\" is not a domain name: " + e.getMessage());
        }
        String text = algorithm.trim();
        int bits = -1;
        TsigAlgorithm alg = TsigAlgorithm.ofLabel(text);
        int dash = text.lastIndexOf('-');
        if (alg == null && dash > 0 && text.substring(dash + 1).chars().allMatch(Character::isDigit)
                && dash + 1 < text.length()) {
            alg = TsigAlgorithm.ofLabel(text.substring(0, dash));
            bits = Integer.parseInt(text.substring(dash + 1));
        }
        if (alg == null) {
            throw new IllegalArgumentException("algorithm \"" + algorithm + "\" is not one of hmac-md5, hmac-sha1, "
                    + "hmac-sha224, hmac-sha256, hmac-sha384, hmac-sha512 (a -BITS suffix truncates the MAC)");
        }
        if (bits >= 0 && (bits % 8 != 0 || bits / 8 < alg.shortestMac() || bits / 8 > alg.outputLength())) {
            throw new IllegalArgumentException("algorithm \"" + algorithm + "\": " + alg.label()
                    + " may be truncated to a multiple of 8 bits from " + alg.shortestMac() * 8 + " to "
                    + alg.outputLength() * 8);
        }
        byte[] octets;
        try {
            octets = Base64.getMimeDecoder().decode(secret.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("secret is not base64: " + e.getMessage());
        }
        if (octets.length == 0) {
            throw new IllegalArgumentException("secret is empty");
        }
        return new TsigKey(keyName, alg, octets, bits < 0 ? alg.outputLength() : bits / 8);
    }

    public Name name() {
        return name;
    }

    public TsigAlgorithm algorithm() {
        return algorithm;
    }

    /** Octets of MAC this key signs with, and the fewest it accepts. */
    public int macLength() {
        return macLength;
    }

    /**
     * This key as dnsjava's request signer, for a request caadns sends (a NOTIFY): give it to
     * {@code SimpleResolver.setTSIGKey}, which signs the request and checks the signed reply; the reply
     * is the secondary's only when {@code Message.isVerified()}. It signs full-length MACs (always
     * legal) and takes a truncated reply no shorter than the key's length.
     */
    public org.xbill.DNS.TSIG forRequests() {
        return new org.xbill.DNS.TSIG(algorithm.wireName(), name, secret);
    }

    /** A fresh MAC engine keyed with the secret. */
    Mac mac() {
        try {
            Mac mac = Mac.getInstance(algorithm.jcaName());
            mac.init(new SecretKeySpec(secret, algorithm.jcaName()));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("the JDK cannot compute " + algorithm.jcaName(), e);
        }
    }

    /** Same name, algorithm, length and secret. */
    @Override
    public boolean equals(Object o) {
        return o instanceof TsigKey k && k.name.equals(name) && k.algorithm == algorithm && k.macLength == macLength
                && Arrays.equals(k.secret, secret);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    /** Never shows the secret. */
    @Override
    public String toString() {
        return name + " (" + algorithm.label() + (macLength < algorithm.outputLength() ? "-" + macLength * 8 : "") + ")";
    }
}
