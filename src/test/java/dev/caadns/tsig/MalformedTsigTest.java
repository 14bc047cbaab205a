package dev.caadns.tsig;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.DnsTestClient;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;
import org.xbill.DNS.Type;

/** A TSIG RR that cannot be checked at all is FORMERR with no TSIG in the reply (RFC 8945 §5.1, §5.2.2.1). */
class MalformedTsigTest {
    @TempDir
    static Path dir;
    static ConfiguredServer server;
    private final DnsTestClient client = new DnsTestClient();

    @BeforeAll
    static void start() throws Exception {
        server = ConfiguredServer.lab(dir, "tsig.keys = [{ name = \"k\", algorithm = \"hmac-sha256\", secret = \""
                + SignedQueryTest.SECRET + "\" }]\n");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void aRecordAfterTheTsigIsFormerr() throws Exception {
        byte[] signed = signedQuery();
        Record extra = Record.newRecord(Name.fromString("x.lab.test."), Type.A, DClass.IN);
        byte[] tail = extra.toWire(Section.ADDITIONAL);
        ByteBuffer b = ByteBuffer.allocate(signed.length + tail.length).put(signed).put(tail);
        byte[] wire = b.array();
        wire[11]++; // one more additional record
        assertFormerrWithoutTsig(wire);
    }

    @Test
    void aMacShorterThanTenOctetsIsFormerr() throws Exception {
        Message q = query();
        q.addRecord(new TSIGRecord(Name.fromString("k."), DClass.ANY, 0, TSIG.HMAC_SHA256,
                java.time.Instant.now(), Duration.ofSeconds(300), new byte[8], q.getHeader().getID(), 0, null),
                Section.ADDITIONAL);
        assertFormerrWithoutTsig(q.toWire());
    }

    @Test
    void aTsigRrCutShortIsFormerr() throws Exception {
        byte[] signed = signedQuery();
        byte[] cut = java.util.Arrays.copyOf(signed, signed.length - 3);
        assertFormerrWithoutTsig(cut);
    }

    private void assertFormerrWithoutTsig(byte[] wire) {
        byte[] reply = client.udpRaw(server.udp(), wire, Duration.ofSeconds(2));
        assertThat(reply).as("a reply").isNotNull();
        Message m = DnsTestClient.parse(reply);
        assertThat(m.getRcode()).isEqualTo(Rcode.FORMERR);
        assertThat(m.getTSIG()).isNull();
    }

    private static Message query() throws Exception {
        return Message.newQuery(Record.newRecord(Name.fromString("lab.test."), Type.SOA, DClass.IN));
    }

    private static byte[] signedQuery() throws Exception {
        Message q = query();
        q.setTSIG(new TSIG(TSIG.HMAC_SHA256, "k.", SignedQueryTest.SECRET));
        return q.toWire(65535);
    }
}
