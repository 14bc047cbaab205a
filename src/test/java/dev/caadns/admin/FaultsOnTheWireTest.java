package dev.caadns.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.ExtendedErrorCodeOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Fault rules set over the API, seen on the wire by a real DNS client. */
class FaultsOnTheWireTest extends LabFixtureTest {

    private void fault(String json) throws Exception {
        var added = lab.post("/api/v1/faults", json);
        assertThat(added.statusCode()).as(added.body()).isEqualTo(201);
    }

    @Test
    void servfailForOneTypeInASubtree() throws Exception {
        fault("{\"name\":\"lab.test.\",\"subtree\":true,\"types\":[\"CAA\"],\"action\":\"servfail\"}");

        assertThat(lab.udp("www.lab.test.", Type.CAA).getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(lab.udp("lab.test.", Type.CAA).getRcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(lab.udp("www.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void timeoutSendsNoReply() throws Exception {
        fault("{\"name\":\"www.lab.test.\",\"action\":\"timeout\"}");

        assertThatThrownBy(() -> lab.udp("www.lab.test.", Type.A)).isInstanceOf(SocketTimeoutException.class);
        assertThat(lab.udp("ns.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void tcpOnlyTruncatesUdpAndAnswersTcp() throws Exception {
        fault("{\"name\":\"www.lab.test.\",\"action\":\"tcp-only\"}");

        Message udp = lab.udp("www.lab.test.", Type.A);
        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(udp.getSection(Section.ANSWER)).isEmpty();
        Message tcp = lab.tcp("www.lab.test.", Type.A);
        assertThat(tcp.getHeader().getFlag(Flags.TC)).isFalse();
        assertThat(tcp.getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void tcSetsTruncationOnUdpButKeepsTheData() throws Exception {
        fault("{\"name\":\"www.lab.test.\",\"action\":\"tc\"}");

        Message udp = lab.udp("www.lab.test.", Type.A);
        assertThat(udp.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(udp.getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void extendedErrorIsAttachedForEdnsClients() throws Exception {
        fault("{\"name\":\"lab.test.\",\"types\":[\"CAA\"],\"action\":\"servfail\","
                + "\"ede\":{\"code\":23,\"text\":\"lab says no\"}}");

        Message reply = lab.udp("lab.test.", Type.CAA);
        List<EDNSOption> options = reply.getOPT().getOptions(EDNSOption.Code.EDNS_EXTENDED_ERROR);
        assertThat(options).singleElement().satisfies(o -> {
            ExtendedErrorCodeOption ede = (ExtendedErrorCodeOption) o;
            assertThat(ede.getErrorCode()).isEqualTo(23);
            assertThat(ede.getText()).isEqualTo("lab says no");
        });
    }

    @Test
    void ruleWithTimesClearsItselfAfterFiring() throws Exception {
        fault("{\"id\":\"twice\",\"name\":\"www.lab.test.\",\"action\":\"refused\",\"times\":2}");

        assertThat(lab.udp("www.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(lab.udp("www.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(lab.udp("www.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(lab.get("/api/v1/faults").body()).isEqualTo("[]");
    }

    @Test
    void faultsAreListedAndRemoved() throws Exception {
        fault("{\"id\":\"nx\",\"name\":\"www.lab.test.\",\"action\":\"nxdomain\",\"transport\":\"udp\"}");
        assertThat(lab.udp("www.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(lab.tcp("www.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(lab.get("/api/v1/faults").body()).contains("\"id\":\"nx\"", "\"fired\":1");

        assertThat(lab.send("DELETE", "/api/v1/faults/nx", null).statusCode()).isEqualTo(204);
        assertThat(lab.send("DELETE", "/api/v1/faults/nx", null).statusCode()).isEqualTo(404);
        assertThat(lab.udp("www.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void badRulesGet400() throws Exception {
        for (String bad : List.of("{\"action\":\"servfail\"}", "{\"name\":\"a.\",\"action\":\"explode\"}",
                "{\"name\":\"a.\",\"probability\":2}", "{\"name\":\"a.\",\"times\":\"3\"}",
                "{\"name\":\"a.\",\"colour\":\"red\"}", "{\"name\":\"a.\",\"action\":\"tc\",\"transport\":\"tcp\"}")) {
            var response = lab.post("/api/v1/faults", bad);
            assertThat(response.statusCode()).as(bad).isEqualTo(400);
            assertThat(response.body()).as(bad).startsWith("{\"error\":\"fault: ");
        }
    }

    @Test
    void faultsFromTheConfigFileAreInForceAtStart(@TempDir Path other) throws Exception {
        try (LabFixture configured = new LabFixture(other, Map.of("faults", List.of(Map.of(
                "name", "ns.lab.test.", "action", "servfail"))))) {
            assertThat(configured.udp("ns.lab.test.", Type.A).getRcode()).isEqualTo(Rcode.SERVFAIL);
        }
    }
}
