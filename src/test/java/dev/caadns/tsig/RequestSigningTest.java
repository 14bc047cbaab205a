package dev.caadns.tsig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.Queries;
import dev.caadns.wire.ParseResult;
import dev.caadns.wire.Query;
import dev.caadns.wire.QueryParser;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Opcode;

/**
 * A request caadns sends (a NOTIFY) signed with {@link TsigKey#forRequests()} passes caadns's own
 * RFC 8945 check, which is held to dig and kdig elsewhere; a reply signed to it verifies, and a reply
 * changed after signing or signed with another secret does not.
 */
class RequestSigningTest {
    private static final TsigKey KEY = TsigKey.parse("notify-key", "hmac-sha256", SignedQueryTest.SECRET);
    private static final TsigKey OTHER = TsigKey.parse("notify-key", "hmac-sha256", SignedQueryTest.OTHER_SECRET);

    @Test
    void theSignedRequestVerifiesAndSoDoesItsSignedReply() throws Exception {
        Message notify = Queries.notify(1, Name.fromConstantString("lab.test."));
        byte[] request = signed(notify, KEY);
        TsigRequest checked = check(request, KEY);
        assertThat(checked.verified()).as(checked.errorName()).isTrue();
        assertThat(checked.keyName()).isEqualTo(KEY.name());

        byte[] reply = reply(request, checked);
        Message parsed = new Message(reply);
        KEY.forRequests().verify(parsed, reply, new Message(request).getTSIG());
        assertThat(parsed.isSigned()).isTrue();
        assertThat(parsed.isVerified()).isTrue();
    }

    @Test
    void aReplyChangedAfterSigningOrFromAnotherSecretIsNotVerified() throws Exception {
        Message notify = Queries.notify(1, Name.fromConstantString("lab.test."));
        byte[] request = signed(notify, KEY);
        byte[] reply = reply(request, check(request, KEY));
        reply[3] ^= 5; // rcode NOERROR -> REFUSED
        Message changed = new Message(reply);
        KEY.forRequests().verify(changed, reply, new Message(request).getTSIG());
        assertThat(changed.isVerified()).isFalse();

        TsigRequest wrong = check(request, OTHER);
        assertThat(wrong.errorName()).isEqualTo("BADSIG");
    }

    private static byte[] signed(Message m, TsigKey key) {
        m.setTSIG(key.forRequests());
        return m.toWire(512);
    }

    private static TsigRequest check(byte[] request, TsigKey key) {
        Query query = new Query();
        assertThat(QueryParser.parse(request, request.length, query)).isEqualTo(ParseResult.OK);
        return new Tsig(new TsigKeys(List.of(key)), Clock.systemUTC()).verify(request, request.length, query.tsigAt());
    }

    /** The request's header and question as the NOERROR reply, signed to it. */
    private static byte[] reply(byte[] request, TsigRequest checked) throws Exception {
        Message m = new Message(request);
        Message reply = new Message(m.getHeader().getID());
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        reply.getHeader().setOpcode(Opcode.NOTIFY);
        reply.addRecord(m.getQuestion(), org.xbill.DNS.Section.QUESTION);
        byte[] wire = reply.toWire();
        byte[] room = Arrays.copyOf(wire, wire.length + checked.recordLength());
        return Arrays.copyOf(room, checked.sign(room, wire.length));
    }
}
