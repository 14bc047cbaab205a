package dev.caadns.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.TestKeys;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * The update section's operations (RFC 2136 §3.4): add, delete an RRset, delete a name, delete one
 * RR, the SOA and apex NS rules, CNAME exclusivity, all or nothing, the serial moving up once per
 * applied update, and the zone section's NOTAUTH and FORMERR.
 */
class UpdateOperationsTest {
    @TempDir
    Path dir;
    ConfiguredServer server;
    UpdateClient client;

    @BeforeEach
    void start() throws Exception {
        server = ConfiguredServer.lab(dir, TestKeys.UNSIGNED_FROM_LOOPBACK);
        client = new UpdateClient(server);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void addAppendsToTheRRsetAndTheSetTakesTheNewTtl() {
        long serial = client.serial("lab.test.");
        assertThat(send(u -> u.add(UpdateClient.record("www.lab.test. 120 A 192.0.2.81")))).isEqualTo(Rcode.NOERROR);
        List<Record> a = client.served("www.lab.test.", Type.A);
        assertThat(a).extracting(Record::rdataToString).containsExactlyInAnyOrder("192.0.2.80", "192.0.2.81");
        assertThat(a).extracting(Record::getTTL).containsOnly(120L);
        assertThat(client.serial("lab.test.")).isEqualTo(serial + 1);
    }

    @Test
    void aDuplicateAddChangesNothingAndKeepsTheSerial() {
        long serial = client.serial("lab.test.");
        assertThat(send(u -> u.add(UpdateClient.record("www.lab.test. 300 A 192.0.2.80")))).isEqualTo(Rcode.NOERROR);
        assertThat(client.served("www.lab.test.", Type.A)).hasSize(1);
        assertThat(client.serial("lab.test.")).isEqualTo(serial);
    }

    @Test
    void deleteOneRecordLeavesTheRest() {
        send(u -> u.add(UpdateClient.record("t.lab.test. 60 TXT \"one\"")));
        send(u -> u.add(UpdateClient.record("t.lab.test. 60 TXT \"two\"")));
        assertThat(send(u -> u.delete(UpdateClient.record("t.lab.test. 0 TXT \"one\"")))).isEqualTo(Rcode.NOERROR);
        assertThat(client.served("t.lab.test.", Type.TXT)).extracting(Record::rdataToString).containsExactly("\"two\"");
    }

    @Test
    void deleteAnRRsetAndDeleteAName() {
        send(u -> u.add(UpdateClient.record("n.lab.test. 60 TXT \"t\"")));
        send(u -> u.add(UpdateClient.record("n.lab.test. 60 A 192.0.2.9")));
        assertThat(send(u -> u.delete(UpdateClient.name("n.lab.test."), Type.TXT))).isEqualTo(Rcode.NOERROR);
        assertThat(client.served("n.lab.test.", Type.TXT)).isEmpty();
        assertThat(client.served("n.lab.test.", Type.A)).hasSize(1);
        assertThat(send(u -> u.delete(UpdateClient.name("n.lab.test.")))).isEqualTo(Rcode.NOERROR);
        assertThat(client.udp(query("n.lab.test.", Type.A)).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void aRecordFromTheZoneFileCanBeDeleted() {
        assertThat(send(u -> u.delete(UpdateClient.name("www.lab.test."), Type.A))).isEqualTo(Rcode.NOERROR);
        assertThat(client.udp(query("www.lab.test.", Type.A)).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void theApexKeepsItsSoaAndNs() {
        assertThat(send(u -> u.delete(UpdateClient.name("lab.test.")))).isEqualTo(Rcode.NOERROR);
        assertThat(client.served("lab.test.", Type.SOA)).hasSize(1);
        assertThat(client.served("lab.test.", Type.NS)).hasSize(1);
        assertThat(client.served("lab.test.", Type.CAA)).isEmpty();
        send(u -> u.delete(UpdateClient.name("lab.test."), Type.NS));
        send(u -> u.delete(UpdateClient.record("lab.test. 0 NS ns.lab.test.")));
        send(u -> u.delete(UpdateClient.record("lab.test. 0 SOA ns hostmaster 7 3600 600 86400 300")));
        assertThat(client.served("lab.test.", Type.NS)).hasSize(1);
        assertThat(client.served("lab.test.", Type.SOA)).hasSize(1);
    }

    @Test
    void aSecondApexNsLetsTheFirstGo() {
        send(u -> u.add(UpdateClient.record("lab.test. 300 NS ns2.lab.test.")));
        assertThat(send(u -> u.delete(UpdateClient.record("lab.test. 0 NS ns.lab.test.")))).isEqualTo(Rcode.NOERROR);
        assertThat(client.served("lab.test.", Type.NS)).extracting(Record::rdataToString).containsExactly("ns2.lab.test.");
    }

    @Test
    void anSoaWithANewerSerialReplacesTheSoaAndAnOlderOneIsIgnored() {
        send(u -> u.add(UpdateClient.record("lab.test. 300 SOA ns hostmaster 5 3600 600 86400 300")));
        assertThat(client.serial("lab.test.")).isEqualTo(7);
        send(u -> u.add(UpdateClient.record("lab.test. 300 SOA ns.lab.test. admin.lab.test. 1000 3600 600 86400 60")));
        SOARecord soa = (SOARecord) client.served("lab.test.", Type.SOA).get(0);
        assertThat(soa.getSerial()).isEqualTo(1000);
        assertThat(soa.getAdmin()).isEqualTo(UpdateClient.name("admin.lab.test."));
    }

    @Test
    void aCnameAndOtherDataDoNotMix() {
        send(u -> u.add(UpdateClient.record("www.lab.test. 60 CNAME elsewhere.lab.test.")));
        assertThat(client.served("www.lab.test.", Type.CNAME)).isEmpty();
        send(u -> u.add(UpdateClient.record("alias.lab.test. 60 CNAME www.lab.test.")));
        send(u -> u.add(UpdateClient.record("alias.lab.test. 60 TXT \"no\"")));
        assertThat(client.served("alias.lab.test.", Type.CNAME)).hasSize(1);
        assertThat(client.served("alias.lab.test.", Type.TXT)).isEmpty();
        send(u -> u.add(UpdateClient.record("alias.lab.test. 60 CNAME ns.lab.test.")));
        assertThat(client.served("alias.lab.test.", Type.CNAME)).extracting(Record::rdataToString)
                .containsExactly("ns.lab.test.");
    }

    @Test
    void allOrNothing() {
        long serial = client.serial("lab.test.");
        int rcode = send(u -> {
            u.add(UpdateClient.record("first.lab.test. 60 TXT \"first\""));
            u.add(UpdateClient.record("www.other.test. 60 TXT \"outside\""));
        });
        assertThat(rcode).isEqualTo(Rcode.NOTZONE);
        assertThat(client.served("first.lab.test.", Type.TXT)).isEmpty();
        assertThat(client.serial("lab.test.")).isEqualTo(serial);
    }

    @Test
    void badUpdateRecordsAreFormerr() {
        Update update = UpdateClient.update("lab.test.");
        update.addRecord(Record.newRecord(UpdateClient.name("x.lab.test."), Type.A, DClass.ANY, 60), Section.UPDATE);
        assertThat(client.udp(update).getRcode()).as("class ANY with a TTL").isEqualTo(Rcode.FORMERR);
        Update chaos = UpdateClient.update("lab.test.");
        chaos.addRecord(Record.newRecord(UpdateClient.name("x.lab.test."), Type.A, DClass.CH, 0), Section.UPDATE);
        assertThat(client.udp(chaos).getRcode()).as("class CH").isEqualTo(Rcode.FORMERR);
        Update any = UpdateClient.update("lab.test.");
        any.addRecord(Record.newRecord(UpdateClient.name("x.lab.test."), Type.ANY, DClass.NONE, 0), Section.UPDATE);
        assertThat(client.udp(any).getRcode()).as("class NONE type ANY").isEqualTo(Rcode.FORMERR);
    }

    @Test
    void aZoneWeDoNotServeIsNotauth() {
        assertThat(client.udp(UpdateClient.update("other.test.")).getRcode()).isEqualTo(Rcode.NOTAUTH);
        assertThat(client.udp(UpdateClient.update("www.lab.test.")).getRcode()).as("not a zone apex")
                .isEqualTo(Rcode.NOTAUTH);
    }

    @Test
    void aZoneSectionNotAskingForSoaIsFormerr() {
        Message m = new Message();
        m.getHeader().setOpcode(Opcode.UPDATE);
        m.addRecord(Record.newRecord(UpdateClient.name("lab.test."), Type.A, DClass.IN), Section.ZONE);
        assertThat(client.udp(m).getRcode()).isEqualTo(Rcode.FORMERR);
        Message two = new Message();
        two.getHeader().setOpcode(Opcode.UPDATE);
        two.addRecord(Record.newRecord(UpdateClient.name("lab.test."), Type.SOA, DClass.IN), Section.ZONE);
        two.addRecord(Record.newRecord(UpdateClient.name("test."), Type.SOA, DClass.IN), Section.ZONE);
        Message reply = client.udp(two);
        assertThat(reply.getRcode()).as("two zones").isEqualTo(Rcode.FORMERR);
    }

    @Test
    void theReplyIsAnUpdateResponseEchoingTheZone() {
        Update update = UpdateClient.update("lab.test.");
        update.add(UpdateClient.record("echo.lab.test. 60 TXT \"x\""));
        Message reply = client.tcp(update);
        assertThat(reply.getHeader().getOpcode()).isEqualTo(Opcode.UPDATE);
        assertThat(reply.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(reply.getHeader().getID()).isEqualTo(update.getHeader().getID());
        assertThat(reply.getSection(Section.ZONE)).extracting(Record::getName).containsExactly(
                UpdateClient.name("lab.test."));
    }

    private int send(java.util.function.Consumer<Update> build) {
        Update update = UpdateClient.update("lab.test.");
        build.accept(update);
        return client.udp(update).getRcode();
    }

    private static Message query(String name, int type) {
        return Message.newQuery(Record.newRecord(UpdateClient.name(name), type, DClass.IN));
    }
}
