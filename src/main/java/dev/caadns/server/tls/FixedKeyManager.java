package dev.caadns.server.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * The one key and chain caadns serves, handed to the JDK's TLS as they are. Netty's
 * {@code forServer(key, chain)} puts them in a PKCS12 key store, which encrypts the key with
 * PBKDF2 (10,000 HMAC-SHA256 rounds) and decrypts it again, once per TLS context: the DoT and DoH
 * contexts made that 1.3-1.9 s of a start's first answer and 2.5 CPU s (C2 compiling PBKDF2 on the
 * way), for nothing, since the key never leaves memory.
 */
final class FixedKeyManager extends X509ExtendedKeyManager {
    private static final String ALIAS = "caadns";

    private final PrivateKey key;
    private final X509Certificate[] chain;

    FixedKeyManager(PrivateKey key, X509Certificate[] chain) {
        this.key = key;
        this.chain = chain.clone();
    }

    @Override
    public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
        return matches(keyType) ? ALIAS : null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
        return matches(keyType) ? ALIAS : null;
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
        return matches(keyType) ? new String[] {ALIAS} : null;
    }

    /** The JDK asks per signature scheme ("EC", "RSA", "EdDSA"...): only the key's own type has an alias. */
    private boolean matches(String keyType) {
        String algorithm = key.getAlgorithm();
        return keyType.equals(algorithm) || keyType.equals("EdDSA") && algorithm.equals("Ed25519")
                || keyType.equals("Ed25519") && algorithm.equals("EdDSA");
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
        return ALIAS.equals(alias) ? chain.clone() : null;
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
        return ALIAS.equals(alias) ? key : null;
    }

    // caadns asks no client for a certificate
    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
        return null;
    }

    @Override
    public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
        return null;
    }
}
