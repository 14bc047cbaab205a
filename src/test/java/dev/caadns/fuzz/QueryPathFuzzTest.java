package dev.caadns.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.caadns.answer.OpcodeHandler;
import dev.caadns.answer.QueryProcessor;
import dev.caadns.cli.Plugins;
import dev.caadns.config.Settings;
import dev.caadns.config.SettingsLoader;
import dev.caadns.wire.Transport;
import dev.caadns.server.ZonesAndChain;
import dev.caadns.tsig.Tsig;
import dev.caadns.tsig.TsigKeys;
import dev.caadns.wire.ReplyStream;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.xbill.DNS.Message;

/**
 * Any bytes through the whole query path (parse, TSIG, opcode dispatch, the answer over the
 * example zones with the CAA plugin, the writer), as UDP and as TCP: no exception, and a reply,
 * when there is one, that dnsjava reads, carries the query's ID and fits its transport.
 */
class QueryPathFuzzTest {
    private static QueryProcessor processor;

    @BeforeAll
    static void assemble() throws Exception {
        Settings settings = SettingsLoader.load(Optional.empty(), Map.of(
                "zones.files", List.of(Map.of("origin", "lab.test.", "file", "zones/lab.test.zone"),
                        Map.of("origin", "test.", "file", "zones/test.zone")),
                "tsig.keys", List.of(Map.of("name", "fuzz-key", "algorithm", "hmac-sha256",
                        "secret", "c2VjcmV0LXNlY3JldC1zZWNyZXQtc2VjcmV0LXNlY3JldA==")),
                "management.listen", ""));
        ZonesAndChain zones = ZonesAndChain.assemble(settings, Plugins.forSettings(settings));
        processor = new QueryProcessor(new QueryProcessor.Dispatch(zones.chain(), OpcodeHandler.NOT_IMPLEMENTED,
                OpcodeHandler.NOT_IMPLEMENTED, new Tsig(TsigKeys.from(settings), Clock.systemUTC())),
                new dev.caadns.wire.ResponseWriter(1232, new byte[0]), null);
    }

    @FuzzTest(maxDuration = "5s")
    void anyPacketGetsAWellFormedReplyOrNone(byte[] packet) throws IOException {
        int length = Math.min(packet.length, 65535);
        for (Transport transport : List.of(Transport.UDP, Transport.TCP)) {
            byte[] copy = Arrays.copyOf(packet, length);
            int replyLength = processor.process(copy, length, transport);
            ReplyStream stream = processor.takeStream();
            if (stream != null) {
                stream.close(false);
            }
            if (replyLength < 0) {
                continue;
            }
            assertThat(replyLength).isBetween(12, 65535);
            Message reply = new Message(Arrays.copyOf(processor.reply(), replyLength));
            if (length >= 2) {
                assertThat(reply.getHeader().getID()).isEqualTo(((packet[0] & 0xff) << 8) | (packet[1] & 0xff));
            }
        }
    }
}
