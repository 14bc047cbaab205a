package dev.caadns.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.TestZones;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.HINFORecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** The comparator must see every kind of difference, and the known ones must relax only what they name. */
class ResponseComparatorTest {
    private static final Name WWW = Queries.name("www.diff.test.");
    private final ResponseComparator comparator = new ResponseComparator("ours", "theirs",
            new KnownDifferences(ZoneData.load(TestZones.inResourceFolder("difftest"))));

    @Test
    void sameRepliesInOtherLetterCaseAgree() throws Exception {
        Message upper = reply(Type.A, a(Queries.name("WWW.DIFF.TEST."), 3600, "192.0.2.80"));
        Message lower = reply(Type.A, a(WWW, 3600, "192.0.2.80"));
        assertThat(differences(Type.A, upper, lower)).isEmpty();
    }

    @Test
    void seesTtlRcodeFlagAndRecordDifferences() throws Exception {
        Message base = reply(Type.A, a(WWW, 3600, "192.0.2.80"));
        Message otherTtl = reply(Type.A, a(WWW, 60, "192.0.2.80"));
        Message nx = reply(Type.A);
        nx.getHeader().setRcode(Rcode.NXDOMAIN);
        Message notAa = reply(Type.A, a(WWW, 3600, "192.0.2.80"));
        notAa.getHeader().unsetFlag(Flags.AA);
        Message extra = reply(Type.A, a(WWW, 3600, "192.0.2.80"), a(WWW, 3600, "192.0.2.81"));

        assertThat(differences(Type.A, base, otherTtl)).hasSize(2);
        assertThat(differences(Type.A, base, nx)).anyMatch(d -> d.startsWith("rcode"));
        assertThat(differences(Type.A, base, notAa)).containsExactly("AA ours true, theirs false");
        assertThat(differences(Type.A, base, extra)).singleElement().asString().contains("only in theirs");
    }

    @Test
    void anyMayPickDifferentRrsetsButSharedTypesMustMatch() throws Exception {
        Message a = reply(Type.ANY, a(WWW, 3600, "192.0.2.80"));
        Message hinfo = reply(Type.ANY, new HINFORecord(WWW, DClass.IN, 3600, "RFC8482", ""));
        Message otherA = reply(Type.ANY, a(WWW, 3600, "192.0.2.99"));
        assertThat(differences(Type.ANY, a, hinfo)).isEmpty();
        assertThat(differences(Type.ANY, a, otherA)).isNotEmpty();
        assertThat(differences(Type.A, a, hinfo)).isNotEmpty();
    }

    private List<String> differences(int qtype, Message ours, Message theirs) {
        GeneratedQuery query = new GeneratedQuery(1, WWW, qtype, Queries.NO_EDNS, false,
                GeneratedQuery.Transport.UDP);
        return comparator.differences(query, ReplyView.of(ours), ReplyView.of(theirs));
    }

    private static Message reply(int qtype, org.xbill.DNS.Record... answers) {
        Message reply = Queries.query(1, WWW, qtype);
        reply.getHeader().setFlag(Flags.QR);
        reply.getHeader().setFlag(Flags.AA);
        for (org.xbill.DNS.Record rr : answers) {
            reply.addRecord(rr, Section.ANSWER);
        }
        return reply;
    }

    private static ARecord a(Name owner, long ttl, String address) throws Exception {
        return new ARecord(owner, DClass.IN, ttl, java.net.InetAddress.getByName(address));
    }
}
