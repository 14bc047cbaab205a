package dev.caadns.answer;

import dev.caadns.tsig.TsigRequest;
import dev.caadns.tsig.TsigStream;
import dev.caadns.wire.ReplyStream;

/**
 * A multi-message reply to a signed request: every message signed, each MAC chained to the one
 * before (RFC 8945 §5.3.1). The stream it wraps writes into a buffer short by the TSIG RR's size, so
 * each message has room for its signature.
 */
final class SignedReplyStream implements ReplyStream {
    private static final int MAX_MESSAGE = 65535;

    private final ReplyStream unsigned;
    private final TsigStream signer;
    private final byte[] message;

    SignedReplyStream(ReplyStream unsigned, TsigRequest request) {
        this.unsigned = unsigned;
        this.signer = request.stream();
        this.message = new byte[MAX_MESSAGE - request.recordLength()];
    }

    @Override
    public int next(byte[] out) {
        int length = unsigned.next(message);
        if (length < 0) {
            return length;
        }
        System.arraycopy(message, 0, out, 0, length);
        return signer.sign(out, length);
    }

    @Override
    public void close(boolean complete) {
        unsigned.close(complete);
    }
}
