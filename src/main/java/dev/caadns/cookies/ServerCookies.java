package dev.caadns.cookies;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.security.SecureRandom;

/**
 * Server cookies as RFC 9018 makes them: version 1, three reserved octets, a timestamp and the
 * SipHash-2-4 of (client cookie, version, reserved, timestamp, client IP) under a 16-octet secret.
 * The secret rolls over every lifetime (lazily, on the first query after it is due); cookies made
 * with the previous one stay valid, so a rollover sends no client back to BADCOOKIE (RFC 9018 §5).
 * Thread-safe; making and checking a cookie allocates nothing for IPv4 clients.
 */
public final class ServerCookies {
    /** Client cookie, then our server cookie: 8 + 16 octets. */
    public static final int OPTION_LENGTH = 24;
    static final int CLIENT = 8;
    private static final int VERSION = 1;
    /** RFC 9018 §4.3: accepted from an hour old to five minutes ahead, renewed after half an hour. */
    private static final int VALID_FOR = 3600;
    private static final int VALID_AHEAD = 300;
    private static final int RENEW_AFTER = 1800;
    private static final int HASHED = 16;

    private record Secret(long k0, long k1) {
    }

    /**
     * The kernel's random source, which the JDK's SecureRandom reads here too: read directly, a
     * start makes its secret without the JDK's provider set-up (~17 ms of its main thread; nothing
     * else in a start without TLS needs it, as the launcher gives Netty its library).
     */
    private static final String URANDOM = "/dev/urandom";

    private final long lifetimeSeconds;
    private final ThreadLocal<byte[]> input = ThreadLocal.withInitial(() -> new byte[HASHED + 16]);
    private volatile Secret current;
    private volatile Secret previous;
    private volatile long rollAt;

    private ServerCookies(Secret fixed, long lifetimeSeconds, long now) {
        this.lifetimeSeconds = lifetimeSeconds;
        this.current = fixed != null ? fixed : randomSecret();
        this.previous = current;
        this.rollAt = fixed != null ? Long.MAX_VALUE : now + lifetimeSeconds;
    }

    /** A random secret that rolls over every lifetime, counted from now (seconds). */
    public static ServerCookies rolling(long lifetimeSeconds, long now) {
        return new ServerCookies(null, lifetimeSeconds, now);
    }

    /** One secret for good (16 octets), as Knot's {@code secret}: cookies survive restarts and peers share them. */
    public static ServerCookies fixed(byte[] secret) {
        if (secret.length != 16) {
            throw new IllegalArgumentException("a cookie secret is 16 octets (32 hex digits), not " + secret.length);
        }
        return new ServerCookies(new Secret(SipHash24.littleEndian(secret, 0, 8), SipHash24.littleEndian(secret, 8, 8)),
                0, 0);
    }

    /**
     * Writes a fresh server cookie for the client cookie in option[0, 8) into option[8, 24).
     *
     * @param now seconds since the epoch
     */
    public void make(byte[] option, InetAddress client, long now) {
        Secret secret = secret(now);
        option[CLIENT] = VERSION;
        option[CLIENT + 1] = 0;
        option[CLIENT + 2] = 0;
        option[CLIENT + 3] = 0;
        put32(option, CLIENT + 4, now);
        put64(option, HASHED, hash(secret, option, client));
    }

    /** True when option[0, length) holds a client cookie and a server cookie we made for this client, still in date. */
    public boolean valid(byte[] option, int length, InetAddress client, long now) {
        if (length != OPTION_LENGTH || option[CLIENT] != VERSION || !inDate(age(option, now))) {
            return false;
        }
        long presented = SipHash24.littleEndian(option, HASHED, 8);
        Secret latest = secret(now);
        Secret before = previous;
        return presented == hash(latest, option, client)
                || before != latest && presented == hash(before, option, client);
    }

    /** True when a valid server cookie is old enough to be replaced by a fresh one (RFC 9018 §4.3). */
    public static boolean worn(byte[] option, long now) {
        return age(option, now) > RENEW_AFTER;
    }

    /** Seconds since the cookie's timestamp, by serial number arithmetic (RFC 1982): negative when ahead. */
    private static int age(byte[] option, long now) {
        int stamp = (option[CLIENT + 4] & 0xff) << 24 | (option[CLIENT + 5] & 0xff) << 16
                | (option[CLIENT + 6] & 0xff) << 8 | option[CLIENT + 7] & 0xff;
        return (int) now - stamp;
    }

    private static boolean inDate(int age) {
        return age >= -VALID_AHEAD && age <= VALID_FOR;
    }

    private long hash(Secret secret, byte[] option, InetAddress client) {
        byte[] m = input.get();
        System.arraycopy(option, 0, m, 0, HASHED);
        int length = HASHED;
        if (client instanceof Inet4Address) {
            put32(m, HASHED, client.hashCode()); // an Inet4Address's hash code is its address
            length += 4;
        } else {
            byte[] address = client.getAddress();
            System.arraycopy(address, 0, m, HASHED, address.length);
            length += address.length;
        }
        return SipHash24.hash(secret.k0(), secret.k1(), m, length);
    }

    private Secret secret(long now) {
        if (now >= rollAt) {
            roll(now);
        }
        return current;
    }

    private synchronized void roll(long now) {
        if (now >= rollAt) {
            previous = current;
            current = randomSecret();
            rollAt = now + lifetimeSeconds;
        }
    }

    private static Secret randomSecret() {
        byte[] octets = new byte[16];
        try (InputStream in = new FileInputStream(URANDOM)) {
            if (in.readNBytes(octets, 0, octets.length) < octets.length) {
                throw new IOException(URANDOM + " ended early");
            }
        } catch (IOException e) {
            new SecureRandom().nextBytes(octets); // a system without it
        }
        return new Secret(SipHash24.littleEndian(octets, 0, 8), SipHash24.littleEndian(octets, 8, 8));
    }

    private static void put32(byte[] b, int off, long value) {
        b[off] = (byte) (value >> 24);
        b[off + 1] = (byte) (value >> 16);
        b[off + 2] = (byte) (value >> 8);
        b[off + 3] = (byte) value;
    }

    /** The hash goes on the wire in SipHash's output byte order (little-endian), as RFC 9018's vectors show. */
    private static void put64(byte[] b, int off, long value) {
        for (int i = 0; i < 8; i++) {
            b[off + i] = (byte) (value >>> (8 * i));
        }
    }
}
