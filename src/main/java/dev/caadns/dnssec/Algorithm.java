package dev.caadns.dnssec;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.rfc8032.Ed25519;
import org.bouncycastle.util.BigIntegers;

/** The DNSSEC signing algorithms caadns makes keys for, with the JDK's own providers (RFC 8624 §3.1). */
public enum Algorithm {
    RSASHA256(8, "SHA256withRSA"),
    ECDSAP256SHA256(13, "SHA256withECDSA"),
    ED25519(15, "Ed25519");

    /** P-256 with BouncyCastle's special-form field arithmetic; the curve caches its base-point table. */
    private static final ECDomainParameters P256 = p256();

    private final int number;
    private final String jca;

    Algorithm(int number, String jca) {
        this.number = number;
        this.jca = jca;
    }

    /** The IANA number that goes into DNSKEY and RRSIG. */
    public int number() {
        return number;
    }

    public static Algorithm of(int number) {
        for (Algorithm a : values()) {
            if (a.number == number) {
                return a;
            }
        }
        throw new IllegalArgumentException("DNSSEC algorithm " + number + " is not supported (8, 13, 15 are)");
    }

    /** By mnemonic, as in the config and in BIND's key files: {@code ECDSAP256SHA256}. */
    public static Algorithm named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("expected one of ECDSAP256SHA256, ED25519, RSASHA256, got \"" + name + "\"");
        }
    }

    KeyPair generate() throws GeneralSecurityException {
        KeyPairGenerator generator;
        switch (this) {
            case RSASHA256 -> {
                generator = KeyPairGenerator.getInstance("RSA");
                generator.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
            }
            case ECDSAP256SHA256 -> {
                generator = KeyPairGenerator.getInstance("EC");
                generator.initialize(new ECGenParameterSpec("secp256r1"));
            }
            default -> generator = KeyPairGenerator.getInstance("Ed25519");
        }
        return generator.generateKeyPair();
    }

    /** The DNSKEY public key field: RFC 3110 (RSA), RFC 6605 (x | y), RFC 8080 (the 32-byte point). */
    byte[] publicKeyField(PublicKey key) {
        switch (this) {
            case RSASHA256 -> {
                RSAPublicKey rsa = (RSAPublicKey) key;
                byte[] exponent = unsigned(rsa.getPublicExponent(), 0);
                byte[] modulus = unsigned(rsa.getModulus(), 0);
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                if (exponent.length < 256) {
                    out.write(exponent.length);
                } else {
                    out.write(0);
                    out.write(exponent.length >> 8);
                    out.write(exponent.length);
                }
                out.writeBytes(exponent);
                out.writeBytes(modulus);
                return out.toByteArray();
            }
            case ECDSAP256SHA256 -> {
                ECPublicKey ec = (ECPublicKey) key;
                byte[] out = new byte[64];
                System.arraycopy(unsigned(ec.getW().getAffineX(), 32), 0, out, 0, 32);
                System.arraycopy(unsigned(ec.getW().getAffineY(), 32), 0, out, 32, 32);
                return out;
            }
            default -> {
                byte[] x509 = key.getEncoded(); // SubjectPublicKeyInfo: the raw key is its last 32 bytes
                return Arrays.copyOfRange(x509, x509.length - 32, x509.length);
            }
        }
    }

    /**
     * Signs data with the private key of a DNSKEY whose public key field is given. ECDSA and Ed25519
     * sign with BouncyCastle's lightweight API: the JDK 17 provider takes ~550 us of CPU per P-256 or
     * Ed25519 signature (no fixed-base precomputation), BouncyCastle ~80 us (P-256, fixed-point comb)
     * and ~30 us (Ed25519), which is what makes signing a large zone take seconds instead of minutes.
     * ECDSA's nonce is RFC 6979's (deterministic, so no shared SecureRandom); Ed25519 is deterministic
     * by definition and gives the same bytes as the JDK. RSA stays with the JDK.
     */
    byte[] sign(PrivateKey key, byte[] publicKeyField, byte[] data) {
        switch (this) {
            case ECDSAP256SHA256 -> {
                ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
                signer.init(true, new ECPrivateKeyParameters(((ECPrivateKey) key).getS(), P256));
                SHA256Digest sha256 = new SHA256Digest();
                sha256.update(data, 0, data.length);
                byte[] digest = new byte[32];
                sha256.doFinal(digest, 0);
                BigInteger[] rs = signer.generateSignature(digest);
                byte[] out = new byte[64]; // r | s (RFC 6605 §4)
                BigIntegers.asUnsignedByteArray(rs[0], out, 0, 32);
                BigIntegers.asUnsignedByteArray(rs[1], out, 32, 32);
                return out;
            }
            case ED25519 -> {
                byte[] secret = ((EdECPrivateKey) key).getBytes()
                        .orElseThrow(() -> new IllegalStateException("Ed25519 key without its private bytes"));
                byte[] out = new byte[Ed25519.SIGNATURE_SIZE];
                Ed25519.sign(secret, 0, publicKeyField, 0, data, 0, data.length, out, 0);
                return out;
            }
            default -> {
                try {
                    Signature signature = Signature.getInstance(jca);
                    signature.initSign(key);
                    signature.update(data);
                    return signature.sign();
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("signing with " + this + " failed", e);
                }
            }
        }
    }

    private static ECDomainParameters p256() {
        X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        return new ECDomainParameters(curve.getCurve(), curve.getG(), curve.getN(), curve.getH());
    }

    /** Big-endian bytes without a sign byte, left-padded to size (0 = as short as possible). */
    static byte[] unsigned(BigInteger value, int size) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        if (size == 0 || bytes.length == size) {
            return bytes;
        }
        byte[] out = new byte[size];
        System.arraycopy(bytes, 0, out, size - bytes.length, bytes.length);
        return out;
    }
}
