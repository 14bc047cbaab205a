package dev.caadns.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * ANY (RFC 8482): the server may return one RRset or all of them, but what it returns is real data
 * at the name and whole RRsets; a missing name stays NXDOMAIN.
 */
class AnyQueryTest extends ServedZoneTest {
    private static final Set<String> ALL_AT_MANY = Set.of("many.any.test. 3600 A 192.0.2.1",
            "many.any.test. 3600 A 192.0.2.2", "many.any.test. 3600 TXT \"text\"",
            "many.any.test. 3600 CAA 0 issue \"ca.example\"", "many.any.test. 3600 MX 10 ns.any.test.");

    @Override
    protected String zoneFolder() {
        return "any";
    }

    @Test
    void answersWholeRrsetsOfRealDataOverUdpAndTcp() {
        for (Message reply : List.of(udp("many.any.test.", Type.ANY), tcp("many.any.test.", Type.ANY))) {
            assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
            List<String> answer = texts(reply, Section.ANSWER);
            assertThat(answer).isNotEmpty();
            assertThat(ALL_AT_MANY).containsAll(answer);
            Set<Integer> types = answer(reply).stream().map(Record::getType).collect(Collectors.toSet());
            assertThat(answer).as("whole RRsets").containsAll(ALL_AT_MANY.stream()
                    .filter(rr -> types.contains(Type.value(rr.split(" ")[2]))).collect(Collectors.toList()));
        }
    }

    @Test
    void missingNameIsNxdomain() {
        Message reply = udp("nothere.any.test.", Type.ANY);
        assertThat(reply.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(answer(reply)).isEmpty();
    }
}
