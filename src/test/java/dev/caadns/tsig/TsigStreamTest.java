package dev.caadns.tsig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.caadns.testsupport.Command;
import dev.caadns.wire.ParseResult;
import dev.caadns.wire.Query;
import dev.caadns.wire.QueryParser;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * A multi-message answer (AXFR-shaped) signed by {@link TsigStream} checks out in dnspython's
 * zone-transfer client, which verifies every message and chains each MAC to the one before
 * (RFC 8945 §5.3.1); a message changed after signing breaks the chain there.
 */
class TsigStreamTest {
    private static final String SECRET = SignedQueryTest.SECRET;
    private final Tsig tsig = new Tsig(new TsigKeys(List.of(TsigKey.parse("xfr-key", "hmac-sha256", SECRET))),
            Clock.systemUTC());
    private byte[] request;
    private TsigRequest verified;

    @BeforeEach
    void signedRequestFromDnspython() {
        TsigPeer.require();
        Command.Result r = Command.run(TsigPeer.command("sign", "xfr-key", "hmac-sha256", SECRET, "lab.test.", "AXFR"),
                "", 20);
        assertThat(r.exitCode()).as(r.output()).isZero();
        request = HexFormat.of().parseHex(r.output().trim());
        Query query = new Query();
        assertThat(QueryParser.parse(request, request.length, query)).isEqualTo(ParseResult.OK);
        verified = tsig.verify(request, request.length, query.tsigAt());
        assertThat(verified.verified()).as(verified.errorName()).isTrue();
    }

    @Test
    void everyMessageSignedAndChained() throws Exception {
        assertThat(dnspython(signedStream(3, -1))).isEqualTo("verified 3");
    }

    @Test
    void aSingleMessageStreamIsASignedReply() throws Exception {
        assertThat(dnspython(signedStream(1, -1))).isEqualTo("verified 1");
    }

    @Test
    void aMessageChangedAfterSigningBreaksTheChain() throws Exception {
        assertThat(dnspython(signedStream(3, 1))).startsWith("message 1: ");
    }

    @Test
    void onlyAVerifiedRequestGetsAStream() {
        byte[] tampered = request.clone();
        tampered[tampered.length - 10] ^= 1; // inside the MAC
        Query query = new Query();
        QueryParser.parse(tampered, tampered.length, query);
        TsigRequest bad = tsig.verify(tampered, tampered.length, query.tsigAt());
        assertThat(bad.errorName()).isEqualTo("BADSIG");
        assertThatThrownBy(bad::stream).isInstanceOf(IllegalStateException.class);
    }

    /** The answer's messages, signed in order; the message at {@code tamper} is changed after signing. */
    private List<String> signedStream(int count, int tamper) throws Exception {
        Name zone = Name.fromString("lab.test.");
        SOARecord soa = new SOARecord(zone, DClass.IN, 300, Name.fromString("ns.lab.test."),
                Name.fromString("hostmaster.lab.test."), 7, 3600, 600, 86400, 300);
        int id = ((request[0] & 0xff) << 8) | (request[1] & 0xff);
        TsigStream stream = verified.stream();
        List<String> messages = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message m = new Message(id);
            m.getHeader().setFlag(Flags.QR);
            m.getHeader().setFlag(Flags.AA);
            if (i == 0) {
                m.addRecord(Record.newRecord(zone, Type.AXFR, DClass.IN), Section.QUESTION);
                m.addRecord(soa, Section.ANSWER);
            }
            m.addRecord(new ARecord(Name.fromString("h" + i + ".lab.test."), DClass.IN, 300,
                    java.net.InetAddress.getByName("192.0.2." + (i + 1))), Section.ANSWER);
            if (i == count - 1) {
                m.addRecord(soa, Section.ANSWER);
            }
            byte[] wire = m.toWire();
            byte[] buffer = java.util.Arrays.copyOf(wire, wire.length + verified.recordLength());
            int length = stream.sign(buffer, wire.length);
            if (i == tamper) {
                buffer[20] ^= 0x20; // the question or first owner's letter case: same message to DNS, not to the MAC
            }
            messages.add(HexFormat.of().formatHex(buffer, 0, length));
        }
        return messages;
    }

    private String dnspython(List<String> messages) {
        List<String> args = new ArrayList<>(List.of("stream", "xfr-key", "hmac-sha256", SECRET,
                HexFormat.of().formatHex(request)));
        args.addAll(messages);
        Command.Result r = Command.run(TsigPeer.command(args.toArray(String[]::new)), "", 20);
        return r.output().trim();
    }
}
