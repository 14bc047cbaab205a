package dev.caadns.testsupport;

import java.util.List;

/** The TSIG secrets and algorithms the tests sign with (never used outside tests). */
public final class TestKeys {
    public static final String SECRET = "VTmi0cghDBYCdlshFvhpOKgtH0huannKjlXfjk7WSiY=";
    public static final String OTHER_SECRET = "c2VjcmV0c2VjcmV0c2VjcmV0c2VjcmV0";
    /** Every algorithm certbot offers (lego has all but MD5). */
    public static final List<String> ALGORITHMS = List.of("hmac-md5", "hmac-sha1", "hmac-sha224", "hmac-sha256",
            "hmac-sha384", "hmac-sha512");
    /** update.allow for unsigned updates from loopback to lab.test. */
    public static final String UNSIGNED_FROM_LOOPBACK =
            "update.allow = [{ key = none, from = [\"127.0.0.1/32\"], zones = [\"lab.test.\"] }]\n";

    private TestKeys() {
    }

    /** tsig.keys with one key per algorithm, named {@code PREFIX-ALGORITHM}, all with {@link #SECRET}. */
    public static String keyPerAlgorithm(String prefix) {
        StringBuilder config = new StringBuilder("tsig.keys = [\n");
        ALGORITHMS.forEach(a -> config.append("  { name = \"").append(prefix).append(a).append("\", algorithm = \"")
                .append(a).append("\", secret = \"").append(SECRET).append("\" }\n"));
        return config.append("]\n").toString();
    }
}
