package dev.caadns.tsig;

import java.security.MessageDigest;
import java.time.Clock;
import javax.crypto.Mac;
import org.xbill.DNS.Name;

/**
 * Checks the TSIG RR of a request against the configured keys (RFC 8945 §5.2); the result signs the
 * replies. Thread-safe: it holds only the keys and the clock.
 */
public final class Tsig {
    /** Seconds of clock difference allowed, the RFC 8945 §10 recommendation. */
    public static final int FUDGE = 300;

    private final TsigKeys keys;
    private final Clock clock;

    public Tsig(TsigKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    public TsigKeys keys() {
        return keys;
    }

    /**
     * Checks a signed request. The checks run in RFC 8945 §5.2's order: the key (BADKEY), the MAC
     * (FORMERR for an illegal length, BADSIG, then BADTRUNC under the key's MAC length), the time (BADTIME).
     *
     * @param tsigAt offset of the TSIG RR, which must be the last record of message[0, length)
     */
    public TsigRequest verify(byte[] message, int length, int tsigAt) {
        TsigRecord tsig = TsigRecord.read(message, length, tsigAt);
        if (tsig == null) {
            return TsigRequest.unreadable();
        }
        Name keyName = tsig.keyNameAsName();
        TsigKey key = keys.find(keyName);
        TsigAlgorithm algorithm = TsigAlgorithm.ofWireName(tsig.algorithmAsName());
        if (key == null || key.algorithm() != algorithm) {
            return new TsigRequest(tsig, null, TsigRequest.BADKEY, clock);
        }
        int macSize = tsig.mac().length;
        if (macSize > algorithm.outputLength() || macSize < algorithm.shortestMac()) {
            return TsigRequest.unreadable();
        }
        Mac mac = key.mac();
        mac.update((byte) (tsig.originalId() >> 8));
        mac.update((byte) tsig.originalId());
        mac.update(message, 2, 8);
        int additional = TsigRecord.u16(message, 10) - 1;
        mac.update((byte) (additional >> 8));
        mac.update((byte) additional);
        mac.update(message, 12, tsigAt - 12);
        Digests.variables(mac, tsig.keyName(), tsig.algorithm(), tsig.timeSigned(), tsig.fudge(), tsig.error(),
                tsig.other());
        byte[] expected = mac.doFinal();
        if (!MessageDigest.isEqual(java.util.Arrays.copyOf(expected, macSize), tsig.mac())) {
            return new TsigRequest(tsig, key, TsigRequest.BADSIG, clock);
        }
        if (macSize < key.macLength()) {
            return new TsigRequest(tsig, key, TsigRequest.BADTRUNC, clock);
        }
        long now = clock.instant().getEpochSecond();
        if (Math.abs(now - tsig.timeSigned()) > tsig.fudge()) {
            return new TsigRequest(tsig, key, TsigRequest.BADTIME, clock);
        }
        return new TsigRequest(tsig, key, TsigRequest.NOERROR, clock);
    }
}
