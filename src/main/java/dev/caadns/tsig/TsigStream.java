package dev.caadns.tsig;

/**
 * Signs the messages of one multi-message answer in the order they are sent: the first as a single
 * reply (over the request's MAC and the TSIG variables), each later one over the MAC before it, the
 * message and the TSIG timers only (RFC 8945 §5.3.1). Every message is signed. One stream per answer;
 * not thread-safe.
 */
public final class TsigStream {
    private final TsigRequest request;
    private byte[] prior;

    TsigStream(TsigRequest request) {
        this.request = request;
    }

    /**
     * Appends the TSIG RR to the next message, message[0, length), counts it in ARCOUNT and returns
     * the new length; leave {@link TsigRequest#recordLength()} octets free after the message.
     */
    public int sign(byte[] message, int length) {
        long now = request.now();
        boolean first = prior == null;
        byte[] mac = request.mac(first ? request.requestMac() : prior, message, length, now, TsigRequest.NOERROR,
                TsigRequest.NONE, !first);
        prior = mac;
        return request.append(message, length, now, mac, TsigRequest.NOERROR, TsigRequest.NONE);
    }
}
