package dev.caadns.dnssec;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.util.Arrays;
import org.xbill.DNS.Name;

/**
 * One DNSSEC key of a zone: the DNSKEY it publishes and the private key that signs with it.
 *
 * @param flags 257 for a key-signing or combined key (SEP bit set), 256 for a zone-signing key
 * @param publicKey the DNSKEY's public key field
 */
public record ZoneKey(Name zone, int flags, Algorithm algorithm, byte[] publicKey, PrivateKey privateKey) {
    static final int PROTOCOL = 3;
    static final int ZONE_KEY = 256;
    static final int SEP = 1;

    /** True for a key that signs the DNSKEY RRset and that the parent's DS points at. */
    public boolean isSep() {
        return (flags & SEP) != 0;
    }

    /** DNSKEY RDATA (RFC 4034 §2.1). */
    public byte[] dnskeyRdata() {
        return ByteBuffer.allocate(4 + publicKey.length).putShort((short) flags).put((byte) PROTOCOL)
                .put((byte) algorithm.number()).put(publicKey).array();
    }

    /** RFC 4034 Appendix B. */
    public int keyTag() {
        byte[] rdata = dnskeyRdata();
        long ac = 0;
        for (int i = 0; i < rdata.length; i++) {
            ac += (i & 1) == 0 ? (rdata[i] & 0xff) << 8 : rdata[i] & 0xff;
        }
        ac += (ac >> 16) & 0xffff;
        return (int) (ac & 0xffff);
    }

    /** DS RDATA with a SHA-256 digest (RFC 4509) over the owner and the DNSKEY. */
    public byte[] dsRdata() {
        byte[] owner = zone.toWireCanonical();
        byte[] dnskey = dnskeyRdata();
        byte[] digest;
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(owner);
            sha256.update(dnskey);
            digest = sha256.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return ByteBuffer.allocate(4 + digest.length).putShort((short) keyTag()).put((byte) algorithm.number())
                .put((byte) 2).put(digest).array();
    }

    byte[] sign(byte[] data) {
        return algorithm.sign(privateKey, data);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZoneKey k && k.zone.equals(zone) && k.flags == flags && k.algorithm == algorithm
                && Arrays.equals(k.publicKey, publicKey);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(publicKey);
    }

    @Override
    public String toString() {
        return zone + " " + (isSep() ? "KSK" : "ZSK") + " " + algorithm + " tag " + keyTag();
    }
}
