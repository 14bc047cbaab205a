package dev.caadns.update;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.testsupport.ConfiguredServer;
import dev.caadns.testsupport.TestKeys;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

/**
 * Each RFC 2136 §2.4 prerequisite passing and failing with its rcode (§3.2), over UDP and TCP; an
 * update whose prerequisite fails changes nothing.
 */
class UpdatePrerequisiteTest {
    @TempDir
    static Path dir;
    static ConfiguredServer server;
    static UpdateClient client;
    private static final AtomicInteger marker = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        server = ConfiguredServer.lab(dir, TestKeys.UNSIGNED_FROM_LOOPBACK);
        client = new UpdateClient(server);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "name-in-use,        www.lab.test.,     ,                NOERROR",
        "name-in-use,        nothere.lab.test., ,                NXDOMAIN",
        "name-in-use,        lab.test.,         ,                NOERROR",
        "name-not-in-use,    nothere.lab.test., ,                NOERROR",
        "name-not-in-use,    www.lab.test.,     ,                YXDOMAIN",
        "rrset-exists,       www.lab.test.,     A,               NOERROR",
        "rrset-exists,       www.lab.test.,     AAAA,            NXRRSET",
        "rrset-not-exists,   www.lab.test.,     AAAA,            NOERROR",
        "rrset-not-exists,   www.lab.test.,     A,               YXRRSET",
        "rrset-value,        www.lab.test.,     A 192.0.2.80,    NOERROR",
        "rrset-value,        www.lab.test.,     A 192.0.2.81,    NXRRSET",
        "rrset-value,        lab.test.,         NS ns.lab.test., NOERROR",
        "name-in-use,        www.other.test.,   ,                NOTZONE",
    })
    void prerequisite(String kind, String name, String what, String rcode) {
        for (boolean tcp : new boolean[] {false, true}) {
            String markerName = "marker" + marker.incrementAndGet() + ".lab.test.";
            Update update = UpdateClient.update("lab.test.");
            switch (kind) {
                case "name-in-use" -> update.present(UpdateClient.name(name));
                case "name-not-in-use" -> update.absent(UpdateClient.name(name));
                case "rrset-exists" -> update.present(UpdateClient.name(name), Type.value(what));
                case "rrset-not-exists" -> update.absent(UpdateClient.name(name), Type.value(what));
                default -> update.present(UpdateClient.record(name + " 0 " + what));
            }
            update.add(UpdateClient.record(markerName + " 60 TXT \"marker\""));
            Message reply = tcp ? client.tcp(update) : client.udp(update);
            assertThat(Rcode.string(reply.getRcode())).as(kind + " over " + (tcp ? "TCP" : "UDP")).isEqualTo(rcode);
            assertThat(client.served(markerName, Type.TXT)).as("the update's change").hasSize(
                    rcode.equals("NOERROR") ? 1 : 0);
        }
    }

    @Test
    void aValueDependentPrerequisiteNeedsTheWholeRRset() {
        Update update = UpdateClient.update("lab.test.");
        update.present(UpdateClient.record("lab.test. 0 CAA 0 issue \"ca.example\""));
        update.present(UpdateClient.record("lab.test. 0 CAA 0 issue \"other.example\""));
        update.add(UpdateClient.record("whole.lab.test. 60 TXT \"x\""));
        assertThat(client.udp(update).getRcode()).isEqualTo(Rcode.NXRRSET);
    }

    @Test
    void aPrerequisiteWithATtlIsFormerr() {
        Update update = UpdateClient.update("lab.test.");
        update.addRecord(Record.newRecord(UpdateClient.name("www.lab.test."), Type.A, DClass.ANY, 300),
                Section.PREREQ);
        assertThat(client.udp(update).getRcode()).isEqualTo(Rcode.FORMERR);
    }

    @Test
    void prerequisitesAreCheckedBeforeAnyChange() {
        long serial = client.serial("lab.test.");
        Update update = UpdateClient.update("lab.test.");
        update.absent(UpdateClient.name("www.lab.test."));
        update.delete(UpdateClient.name("www.lab.test."));
        assertThat(client.udp(update).getRcode()).isEqualTo(Rcode.YXDOMAIN);
        assertThat(client.served("www.lab.test.", Type.A)).hasSize(1);
        assertThat(client.serial("lab.test.")).isEqualTo(serial);
    }
}
