package dev.caadns.tsig;

import java.time.Clock;
import java.util.Arrays;
import javax.crypto.Mac;
import org.xbill.DNS.Name;

/**
 * What {@link Tsig#verify} found in one signed request, and what signs the replies to it: one reply
 * with {@link #sign}, a multi-message answer with {@link #stream}. Replies to a request whose key or
 * MAC failed carry an unsigned TSIG RR with the error; a time or truncation error is signed (RFC 8945
 * §5.3.2). A malformed TSIG RR gets FORMERR and no TSIG at all.
 */
public final class TsigRequest {
    public static final int NOERROR = 0;
    public static final int BADSIG = 16;
    public static final int BADKEY = 17;
    public static final int BADTIME = 18;
    public static final int BADTRUNC = 22;
    private static final int RCODE_FORMERR = 1;
    private static final int RCODE_NOTAUTH = 9;
    private static final int MAX_OTHER = 6;
    static final byte[] NONE = new byte[0];

    private final TsigRecord tsig;
    private final TsigKey key;
    private final int error;
    private final Clock clock;

    TsigRequest(TsigRecord tsig, TsigKey key, int error, Clock clock) {
        this.tsig = tsig;
        this.key = key;
        this.error = error;
        this.clock = clock;
    }

    static TsigRequest unreadable() {
        return new TsigRequest(null, null, -1, null);
    }

    /** True when the TSIG RR could not be read, or its MAC has an illegal length: answer FORMERR, unsigned. */
    public boolean malformed() {
        return tsig == null;
    }

    /** True when the key is ours, the MAC holds and the time is within the fudge. */
    public boolean verified() {
        return error == NOERROR;
    }

    /** The TSIG error (RFC 8945 §3): 0, BADSIG, BADKEY, BADTIME or BADTRUNC; -1 when malformed. */
    public int error() {
        return error;
    }

    /** The error's name, {@code BADSIG}; "FORMERR" when malformed, "" when verified. */
    public String errorName() {
        return switch (error) {
            case NOERROR -> "";
            case BADSIG -> "BADSIG";
            case BADKEY -> "BADKEY";
            case BADTIME -> "BADTIME";
            case BADTRUNC -> "BADTRUNC";
            default -> "FORMERR";
        };
    }

    /** The rcode of the reply when the request failed: NOTAUTH for a TSIG error, FORMERR when malformed; 0 when verified. */
    public int rcode() {
        return verified() ? 0 : malformed() ? RCODE_FORMERR : RCODE_NOTAUTH;
    }

    /** The key name as the request gave it (lowercase), or null when malformed. */
    public Name keyName() {
        return tsig == null ? null : tsig.keyNameAsName();
    }

    /** The key that verified the request, or null when it is not ours. */
    public TsigKey key() {
        return key;
    }

    /** Octets the TSIG RR of a reply takes at most: leave this much room when writing the reply. */
    public int recordLength() {
        if (tsig == null) {
            return 0;
        }
        return tsig.keyName().length + 10 + tsig.algorithm().length + 16 + macLength() + MAX_OTHER;
    }

    /**
     * Appends the TSIG RR to the reply message[0, length) and counts it in ARCOUNT; returns the new
     * length. The array must have {@link #recordLength()} octets free after length. A malformed
     * request's reply is left as it is.
     */
    public int sign(byte[] message, int length) {
        if (tsig == null) {
            return length;
        }
        long now = now();
        // §5.2.3: a BADTIME reply keeps the request's time, so the client can check it, and gives ours in Other Data.
        long time = error == BADTIME ? tsig.timeSigned() : now;
        byte[] other = error == BADTIME ? time48(now) : NONE;
        boolean signed = error == NOERROR || error == BADTIME || error == BADTRUNC;
        byte[] mac = signed ? mac(requestMac(), message, length, time, error, other, false) : NONE;
        return append(message, length, time, mac, error, other);
    }

    /**
     * Signs the messages of one multi-message answer (AXFR, IXFR) in order, every message signed and
     * each MAC chained to the one before (RFC 8945 §5.3.1). Only for a verified request.
     */
    public TsigStream stream() {
        if (!verified()) {
            throw new IllegalStateException("only a verified request gets a signed stream; sign() its error reply");
        }
        return new TsigStream(this);
    }

    long now() {
        return clock.instant().getEpochSecond();
    }

    byte[] requestMac() {
        return tsig.mac();
    }

    /**
     * The MAC over a prior MAC and a message, then the TSIG variables, or only the timers for a later
     * message of a stream (RFC 8945 §4.3, §5.3.1).
     */
    byte[] mac(byte[] prior, byte[] message, int length, long time, int tsigError, byte[] other, boolean timersOnly) {
        Mac engine = key.mac();
        Digests.priorMac(engine, prior);
        engine.update(message, 0, length);
        if (timersOnly) {
            Digests.timers(engine, time, Tsig.FUDGE);
        } else {
            Digests.variables(engine, tsig.keyName(), tsig.algorithm(), time, Tsig.FUDGE, tsigError, other);
        }
        return Arrays.copyOf(engine.doFinal(), macLength());
    }

    /** Replies mirror the request's MAC length, and never go below the key's (RFC 8945 §5.2.2.1). */
    private int macLength() {
        return key == null ? 0 : Math.max(key.macLength(), tsig.mac().length);
    }

    int append(byte[] m, int length, long time, byte[] mac, int tsigError, byte[] other) {
        int p = length;
        p = put(m, p, tsig.keyName());
        p = put16(m, p, TsigRecord.TYPE);
        p = put16(m, p, TsigRecord.CLASS_ANY);
        p = put16(m, put16(m, p, 0), 0);
        int rdlengthAt = p;
        p += 2;
        p = put(m, p, tsig.algorithm());
        p = put(m, p, time48(time));
        p = put16(m, p, Tsig.FUDGE);
        p = put16(m, p, mac.length);
        p = put(m, p, mac);
        p = put16(m, p, TsigRecord.u16(m, 0));
        p = put16(m, p, tsigError);
        p = put16(m, p, other.length);
        p = put(m, p, other);
        put16(m, rdlengthAt, p - rdlengthAt - 2);
        put16(m, 10, TsigRecord.u16(m, 10) + 1);
        return p;
    }

    private static byte[] time48(long seconds) {
        return new byte[] {(byte) (seconds >>> 40), (byte) (seconds >>> 32), (byte) (seconds >>> 24),
                (byte) (seconds >>> 16), (byte) (seconds >>> 8), (byte) seconds};
    }

    private static int put(byte[] m, int at, byte[] bytes) {
        System.arraycopy(bytes, 0, m, at, bytes.length);
        return at + bytes.length;
    }

    private static int put16(byte[] m, int at, int value) {
        m[at] = (byte) (value >> 8);
        m[at + 1] = (byte) value;
        return at + 2;
    }
}
