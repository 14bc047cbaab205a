package dev.caadns.dnssec;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.util.Arrays;
import java.util.Locale;

/** The DNSSEC signing algorithms caadns makes keys for, with the JDK's own providers (RFC 8624 §3.1). */
public enum Algorithm {
    RSASHA256(8, "SHA256withRSA"),
    ECDSAP256SHA256(13, "SHA256withECDSA"),
    ED25519(15, "Ed25519");

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
     * Signs data with the JDK's own providers, as the house rule has it. ECDSA's DER signature becomes
     * the r | s pair DNSSEC carries (RFC 6605 §4). The JDK 17 provider takes ~550 us of CPU per P-256
     * or Ed25519 signature (no fixed-base precomputation), which is why a zone is signed on every core.
     */
    byte[] sign(PrivateKey key, byte[] data) {
        try {
            Signature signature = Signature.getInstance(jca);
            signature.initSign(key);
            signature.update(data);
            byte[] raw = signature.sign();
            return this == ECDSAP256SHA256 ? derToConcatenated(raw) : raw;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing with " + this + " failed", e);
        }
    }

    private static byte[] derToConcatenated(byte[] der) {
        // SEQUENCE { INTEGER r, INTEGER s }; P-256 signatures are short enough for one-byte lengths
        int p = 2;
        byte[] out = new byte[64];
        for (int i = 0; i < 2; i++) {
            int len = der[p + 1] & 0xff;
            byte[] value = Arrays.copyOfRange(der, p + 2, p + 2 + len);
            System.arraycopy(unsigned(new BigInteger(1, value), 32), 0, out, i * 32, 32);
            p += 2 + len;
        }
        return out;
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
