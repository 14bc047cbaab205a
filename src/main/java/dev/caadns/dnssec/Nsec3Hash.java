package dev.caadns.dnssec;

import dev.caadns.zone.WireName;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;

/**
 * The NSEC3 hash of owner names (RFC 5155 §5): SHA-1 over the lowercase wire name and the salt,
 * then again over the digest and the salt for each extra iteration; and the hashed owner name, the
 * digest in Base32hex (RFC 4648 §7) as the first label under the zone's apex. Base32hex keeps the
 * digests' order, so the chain sorts by the raw digests.
 */
final class Nsec3Hash {
    /** Hash algorithm 1, the only one RFC 5155 defines. */
    static final int SHA1 = 1;
    static final int LENGTH = 20;
    private static final byte[] BASE32HEX = "0123456789abcdefghijklmnopqrstuv"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    });

    private final byte[] salt;
    private final int iterations;

    Nsec3Hash(byte[] salt, int iterations) {
        this.salt = salt.clone();
        this.iterations = iterations;
    }

    byte[] salt() {
        return salt.clone();
    }

    int iterations() {
        return iterations;
    }

    /** The digest of the wire name name[off, off+len), any case. */
    byte[] hash(byte[] name, int off, int len) {
        MessageDigest sha1 = DIGEST.get();
        for (int i = off; i < off + len; i++) {
            sha1.update(WireName.toLower(name[i]));
        }
        sha1.update(salt);
        byte[] digest = sha1.digest();
        for (int k = 0; k < iterations; k++) {
            sha1.update(digest);
            sha1.update(salt);
            digest = sha1.digest();
        }
        return digest;
    }

    /** The hashed owner name of a digest in the zone at origin: {@code <base32hex>.<origin>}. */
    static byte[] owner(byte[] digest, byte[] origin) {
        byte[] label = base32hex(digest);
        byte[] out = new byte[1 + label.length + origin.length];
        out[0] = (byte) label.length;
        System.arraycopy(label, 0, out, 1, label.length);
        System.arraycopy(origin, 0, out, 1 + label.length, origin.length);
        return out;
    }

    /** Lowercase Base32hex without padding: a 20-octet digest makes 32 characters. */
    static byte[] base32hex(byte[] data) {
        byte[] out = new byte[(data.length * 8 + 4) / 5];
        long buffer = 0;
        int bits = 0;
        int o = 0;
        for (byte b : data) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                bits -= 5;
                out[o++] = BASE32HEX[(int) (buffer >>> bits) & 31];
            }
        }
        if (bits > 0) {
            out[o] = BASE32HEX[(int) (buffer << (5 - bits)) & 31];
        }
        return out;
    }

    /** The digest one above (+1) or below (-1), wrapping: the ends of a white lie (RFC 7129 appendix B). */
    static byte[] step(byte[] digest, int delta) {
        byte[] out = Arrays.copyOf(digest, digest.length);
        for (int i = out.length - 1; i >= 0; i--) {
            int v = (out[i] & 0xff) + delta;
            out[i] = (byte) v;
            if (v >= 0 && v <= 0xff) {
                break;
            }
        }
        return out;
    }
}
