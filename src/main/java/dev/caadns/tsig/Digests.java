package dev.caadns.tsig;

import javax.crypto.Mac;

/** The pieces RFC 8945 §4.3 feeds the MAC beside the message itself. */
final class Digests {
    private Digests() {
    }

    /** §4.3.3: the TSIG variables, names in canonical form, class ANY and TTL 0. */
    static void variables(Mac mac, byte[] keyName, byte[] algorithm, long time, int fudge, int error, byte[] other) {
        mac.update(keyName);
        u16(mac, TsigRecord.CLASS_ANY);
        u16(mac, 0);
        u16(mac, 0);
        mac.update(algorithm);
        timers(mac, time, fudge);
        u16(mac, error);
        u16(mac, other.length);
        mac.update(other);
    }

    /** §4.3.1 and §5.3.1: a MAC that went before (the request's, the previous message's), with its length. */
    static void priorMac(Mac mac, byte[] prior) {
        u16(mac, prior.length);
        mac.update(prior);
    }

    /** §5.3.1: the TSIG timers, which stand for the variables in every message of a stream after the first. */
    static void timers(Mac mac, long time, int fudge) {
        u16(mac, (int) (time >>> 32));
        u16(mac, (int) (time >>> 16));
        u16(mac, (int) time);
        u16(mac, fudge);
    }

    private static void u16(Mac mac, int value) {
        mac.update((byte) (value >> 8));
        mac.update((byte) value);
    }
}
