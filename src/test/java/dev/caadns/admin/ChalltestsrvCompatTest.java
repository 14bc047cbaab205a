package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/** Written the way a pebble-challtestsrv user writes a test: set data over HTTP, ask over DNS. */
class ChalltestsrvCompatTest extends LabFixtureTest {

    @Test
    void addCaaIsAnsweredOverUdpAndClearCaaRevertsToTheZoneFile() throws Exception {
        var added = lab.post("/add-caa", """
                {"host":"lab.test","policies":[{"tag":"issue","value":"letsencrypt.org"}]}""");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).isEmpty();

        Message reply = lab.udp("lab.test.", Type.CAA);
        assertThat(reply.getSection(Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(((CAARecord) r).getValue()).isEqualTo("letsencrypt.org"));

        lab.post("/clear-caa", "{\"host\":\"lab.test\"}");
        assertThat(lab.udp("lab.test.", Type.CAA).getSection(Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(((CAARecord) r).getValue()).isEqualTo("ca.example"));
    }

    @Test
    void hostOutsideEveryZoneLandsInAnImplicitLabZone() throws Exception {
        lab.post("/add-a", "{\"host\":\"acme.example.com\",\"addresses\":[\"198.51.100.7\",\"198.51.100.8\"]}");
        lab.post("/set-txt", "{\"host\":\"_acme-challenge.acme.example.com\",\"value\":\"token-1\"}");
        lab.post("/set-txt", "{\"host\":\"_acme-challenge.acme.example.com\",\"value\":\"token-2\"}");

        Message a = lab.udp("acme.example.com.", Type.A);
        assertThat(a.getSection(Section.ANSWER)).extracting(r -> ((ARecord) r).getAddress().getHostAddress())
                .containsExactly("198.51.100.7", "198.51.100.8");
        assertThat(lab.udp("_acme-challenge.acme.example.com.", Type.TXT).getSection(Section.ANSWER))
                .extracting(r -> ((TXTRecord) r).getStrings().get(0)).containsExactly("token-1", "token-2");
        // The CA climbing to the TLD gets NOERROR there, as from challtestsrv.
        assertThat(lab.udp("com.", Type.CAA).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void defaultIpv4AnswersInImplicitLabZonesOnly() throws Exception {
        assertThat(lab.post("/set-default-ipv4", "{\"ip\":\"10.10.10.2\"}").statusCode()).isEqualTo(200);
        lab.post("/add-a", "{\"host\":\"acme.example\",\"addresses\":[\"198.51.100.7\"]}");

        assertThat(lab.udp("anything.example.", Type.A).getSection(Section.ANSWER)).singleElement()
                .satisfies(r -> assertThat(((ARecord) r).getAddress().getHostAddress()).isEqualTo("10.10.10.2"));
        assertThat(lab.udp("nothing.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        // No zone at all: refused for A as for every other type (outside-zones = refused).
        assertThat(lab.udp("anything.elsewhere.", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);

        lab.post("/set-default-ipv4", "{\"ip\":\"\"}");
        Message cleared = lab.udp("anything.example.", Type.A);
        assertThat(cleared.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(cleared.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void servfailOverridesDataUntilCleared() throws Exception {
        lab.post("/set-servfail", "{\"host\":\"www.lab.test\"}");
        assertThat(lab.udp("www.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);

        lab.post("/clear-servfail", "{\"host\":\"www.lab.test\"}");
        assertThat(lab.udp("www.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void cnameIsServedAndCleared() throws Exception {
        lab.post("/set-cname", "{\"host\":\"alias.lab.test\",\"target\":\"www.lab.test\"}");
        Message reply = lab.udp("alias.lab.test.", Type.A);
        assertThat(reply.getSection(Section.ANSWER)).extracting(r -> r.getType()).containsExactly(Type.CNAME, Type.A);

        lab.post("/clear-cname", "{\"host\":\"alias.lab.test\"}");
        assertThat(lab.udp("alias.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void requestHistoryListsTheHostsQueriesUntilCleared() throws Exception {
        lab.udp("www.lab.test.", Type.CAA);
        lab.udp("WWW.lab.test.", Type.A);
        lab.udp("lab.test.", Type.CAA);

        var history = lab.post("/dns-request-history", "{\"host\":\"www.lab.test\"}");
        assertThat(history.statusCode()).isEqualTo(200);
        assertThat(history.body()).isEqualTo(
                "[{\"Question\":{\"Name\":\"www.lab.test.\",\"Qtype\":257,\"Qclass\":1},\"UserAgent\":\"\"},"
                + "{\"Question\":{\"Name\":\"WWW.lab.test.\",\"Qtype\":1,\"Qclass\":1},\"UserAgent\":\"\"}]");

        assertThat(lab.post("/clear-request-history", "{\"host\":\"www.lab.test\",\"type\":\"dns\"}").statusCode())
                .isEqualTo(200);
        assertThat(lab.post("/dns-request-history", "{\"host\":\"www.lab.test\"}").body()).isEqualTo("[]");
        assertThat(lab.post("/clear-request-history", "{\"host\":\"x\",\"type\":\"smtp\"}").statusCode())
                .isEqualTo(400);
    }

    @Test
    void badBodiesGet400WithAMessageNeverAStackTrace() throws Exception {
        var notJson = lab.post("/add-a", "{\"host\":");
        var unknownField = lab.post("/add-a", "{\"host\":\"a.test\",\"addresses\":[\"192.0.2.1\"],\"ttl\":5}");
        var wrongType = lab.post("/add-a", "{\"host\":\"a.test\",\"addresses\":\"192.0.2.1\"}");
        var badAddress = lab.post("/add-a", "{\"host\":\"a.test\",\"addresses\":[\"not-an-ip\"]}");
        var noHost = lab.post("/clear-a", "{}");

        for (var response : java.util.List.of(notJson, unknownField, wrongType, badAddress, noHost)) {
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.body()).startsWith("{\"error\":").doesNotContain("\tat ", "Exception");
        }
        assertThat(unknownField.body()).contains("ttl");
    }

    @Test
    void unknownPathIs404AndWrongMethodIs405() throws Exception {
        assertThat(lab.post("/add-http01", "{}").statusCode()).isEqualTo(404);
        var wrongMethod = lab.get("/add-a");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
    }
}
