package dev.caadns.dnssec;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.interfaces.EdECPrivateKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.security.spec.EdECPrivateKeySpec;
import java.security.spec.NamedParameterSpec;
import java.security.spec.RSAPrivateCrtKeySpec;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.xbill.DNS.Name;

/**
 * A zone's keys in BIND's files ({@code dnssec-keygen}'s format, which Knot's keymgr imports too):
 * {@code K<zone>.+<alg>+<tag>.key} holds the DNSKEY in presentation form, {@code .private} the
 * private key as {@code Private-key-format: v1.3}. Both are written mode 0600 in a 0700 folder.
 */
public final class KeyFiles {
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);

    private final Path directory;

    public KeyFiles(Path directory) {
        this.directory = directory;
    }

    public Path directory() {
        return directory;
    }

    /** The zone's keys found in the folder; empty when it has none. */
    public List<ZoneKey> load(Name zone) throws IOException {
        List<ZoneKey> keys = new ArrayList<>();
        if (!Files.isDirectory(directory)) {
            return keys;
        }
        String prefix = "k" + zone.toString().toLowerCase(Locale.ROOT) + "+";
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, p -> {
            String n = p.getFileName().toString();
            return n.toLowerCase(Locale.ROOT).startsWith(prefix) && n.endsWith(".key");
        })) {
            for (Path keyFile : files) {
                keys.add(read(zone, keyFile));
            }
        }
        keys.sort((a, b) -> Integer.compare(b.flags(), a.flags()));
        return keys;
    }

    /** Makes a key, writes its two files and returns it. */
    public ZoneKey generate(Name zone, Algorithm algorithm, boolean sep) throws IOException {
        KeyPair pair;
        try {
            pair = algorithm.generate();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make " + algorithm + " keys", e);
        }
        ZoneKey key = new ZoneKey(zone, ZoneKey.ZONE_KEY | (sep ? ZoneKey.SEP : 0), algorithm,
                algorithm.publicKeyField(pair.getPublic()), pair.getPrivate());
        write(key, Instant.now());
        return key;
    }

    private void write(ZoneKey key, Instant created) throws IOException {
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        String base = String.format(Locale.ROOT, "K%s+%03d+%05d", key.zone().toString().toLowerCase(Locale.ROOT),
                key.algorithm().number(), key.keyTag());
        String when = TIMESTAMP.format(created);
        String dnskey = "; This is a " + (key.isSep() ? "key-signing" : "zone-signing") + " key, keyid "
                + key.keyTag() + ", for " + key.zone() + "\n; Created: " + when + "\n"
                + key.zone() + " IN DNSKEY " + key.flags() + " 3 " + key.algorithm().number() + " "
                + Base64.getEncoder().encodeToString(key.publicKey()) + "\n";
        StringBuilder secret = new StringBuilder("Private-key-format: v1.3\n")
                .append("Algorithm: ").append(key.algorithm().number()).append(" (").append(key.algorithm()).append(")\n");
        privateFields(key).forEach((field, value) ->
                secret.append(field).append(": ").append(Base64.getEncoder().encodeToString(value)).append('\n'));
        secret.append("Created: ").append(when).append("\nPublish: ").append(when)
                .append("\nActivate: ").append(when).append('\n');
        writeSecret(directory.resolve(base + ".private"), secret.toString());
        writeSecret(directory.resolve(base + ".key"), dnskey);
    }

    private static void writeSecret(Path file, String text) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (FileAlreadyExistsException e) {
            throw new IOException(file + " exists already; not overwriting a key file", e);
        }
        Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
    }

    private static Map<String, byte[]> privateFields(ZoneKey key) {
        Map<String, byte[]> fields = new LinkedHashMap<>();
        switch (key.algorithm()) {
            case RSASHA256 -> {
                RSAPrivateCrtKey rsa = (RSAPrivateCrtKey) key.privateKey();
                fields.put("Modulus", Algorithm.unsigned(rsa.getModulus(), 0));
                fields.put("PublicExponent", Algorithm.unsigned(rsa.getPublicExponent(), 0));
                fields.put("PrivateExponent", Algorithm.unsigned(rsa.getPrivateExponent(), 0));
                fields.put("Prime1", Algorithm.unsigned(rsa.getPrimeP(), 0));
                fields.put("Prime2", Algorithm.unsigned(rsa.getPrimeQ(), 0));
                fields.put("Exponent1", Algorithm.unsigned(rsa.getPrimeExponentP(), 0));
                fields.put("Exponent2", Algorithm.unsigned(rsa.getPrimeExponentQ(), 0));
                fields.put("Coefficient", Algorithm.unsigned(rsa.getCrtCoefficient(), 0));
            }
            case ECDSAP256SHA256 -> fields.put("PrivateKey", Algorithm.unsigned(((ECPrivateKey) key.privateKey()).getS(), 32));
            case ED25519 -> fields.put("PrivateKey", ((EdECPrivateKey) key.privateKey()).getBytes()
                    .orElseThrow(() -> new IllegalStateException("the JDK did not expose the Ed25519 seed")));
        }
        return fields;
    }

    private static ZoneKey read(Name zone, Path keyFile) throws IOException {
        for (String line : Files.readAllLines(keyFile)) {
            String text = line.strip();
            if (text.isEmpty() || text.startsWith(";")) {
                continue;
            }
            String[] words = text.split("\\s+");
            int at = indexOf(words, "DNSKEY");
            if (at < 0 || words.length < at + 5) {
                throw new IOException(keyFile + ": expected \"<zone> IN DNSKEY <flags> 3 <algorithm> <key>\"");
            }
            String owner = words[0];
            if (!Name.fromString(owner, Name.root).equals(zone)) {
                throw new IOException(keyFile + ": the key is for " + owner + ", not " + zone);
            }
            int flags = Integer.parseInt(words[at + 1]);
            Algorithm algorithm = Algorithm.of(Integer.parseInt(words[at + 3]));
            StringBuilder base64 = new StringBuilder();
            for (int i = at + 4; i < words.length; i++) {
                base64.append(words[i]);
            }
            byte[] publicKey = Base64.getDecoder().decode(base64.toString());
            Path privateFile = keyFile.resolveSibling(keyFile.getFileName().toString().replaceAll("\\.key$", ".private"));
            return new ZoneKey(zone, flags, algorithm, publicKey, readPrivate(privateFile, algorithm));
        }
        throw new IOException(keyFile + ": no DNSKEY record in it");
    }

    private static int indexOf(String[] words, String word) {
        for (int i = 0; i < words.length; i++) {
            if (words[i].equalsIgnoreCase(word)) {
                return i;
            }
        }
        return -1;
    }

    private static PrivateKey readPrivate(Path file, Algorithm algorithm) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                fields.put(line.substring(0, colon).strip(), line.substring(colon + 1).strip());
            }
        }
        try {
            switch (algorithm) {
                case RSASHA256 -> {
                    return KeyFactory.getInstance("RSA").generatePrivate(new RSAPrivateCrtKeySpec(
                            number(fields, "Modulus", file), number(fields, "PublicExponent", file),
                            number(fields, "PrivateExponent", file), number(fields, "Prime1", file),
                            number(fields, "Prime2", file), number(fields, "Exponent1", file),
                            number(fields, "Exponent2", file), number(fields, "Coefficient", file)));
                }
                case ECDSAP256SHA256 -> {
                    AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
                    params.init(new ECGenParameterSpec("secp256r1"));
                    return KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(
                            number(fields, "PrivateKey", file), params.getParameterSpec(ECParameterSpec.class)));
                }
                default -> {
                    return KeyFactory.getInstance("Ed25519").generatePrivate(
                            new EdECPrivateKeySpec(NamedParameterSpec.ED25519, bytes(fields, "PrivateKey", file)));
                }
            }
        } catch (GeneralSecurityException e) {
            throw new IOException(file + ": not a usable " + algorithm + " private key: " + e.getMessage(), e);
        }
    }

    private static BigInteger number(Map<String, String> fields, String field, Path file) throws IOException {
        return new BigInteger(1, bytes(fields, field, file));
    }

    private static byte[] bytes(Map<String, String> fields, String field, Path file) throws IOException {
        String value = fields.get(field);
        if (value == null) {
            throw new IOException(file + ": no " + field + " field");
        }
        try {
            return Base64.getDecoder().decode(value);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + field + " is not base64", e);
        }
    }
}
