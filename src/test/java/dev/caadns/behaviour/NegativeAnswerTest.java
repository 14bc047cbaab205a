package dev.caadns.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/** NXDOMAIN and NODATA carry the SOA with TTL min(SOA TTL, MINIMUM) (RFC 2308 section 3). */
class NegativeAnswerTest extends ServedZoneTest {
    @Override
    protected String zoneFolder() {
        return "negative";
    }

    @ParameterizedTest(name = "{0} {1} -> {2}, SOA TTL {3}")
    @CsvSource({
        "nothere.neg.test., A, NXDOMAIN, 300",
        "ns.neg.test., CAA, NOERROR, 300",
        "nothere.shortsoa.test., CAA, NXDOMAIN, 60",
        "ns.shortsoa.test., TXT, NOERROR, 60",
    })
    void negativeAnswerCarriesSoaWithNegativeTtl(String name, String type, String rcode, long ttl) {
        Message reply = udp(name, Type.value(type));
        assertThat(Rcode.string(reply.getRcode())).isEqualTo(rcode);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(answer(reply)).isEmpty();
        assertThat(authority(reply)).singleElement().satisfies(rr -> {
            assertThat(rr).isInstanceOf(SOARecord.class);
            assertThat(rr.getTTL()).isEqualTo(ttl);
            assertThat(rr.getTTL()).isEqualTo(Math.min(((SOARecord) rr).getMinimum(), soaTtlOf(rr)));
        });
    }

    /** The SOA RRset's own TTL, asked directly, so the min() above is checked against served data. */
    private long soaTtlOf(Record soa) {
        return answer(udp(soa.getName().toString(), Type.SOA)).get(0).getTTL();
    }
}
