package dev.caadns.behaviour;

import dev.caadns.testsupport.DnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.Targets;
import dev.caadns.testsupport.TestZones;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;

/**
 * Base of the behaviour tests: one server under test ({@link Targets#underTest}) per class, serving
 * the fixture zones in {@code src/test/resources/behaviour/<folder>}, stopped when the class ends.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ServedZoneTest {
    protected final DnsTestClient client = new DnsTestClient();
    protected DnsTarget server;
    private final AtomicInteger nextId = new AtomicInteger(1);

    /** The fixture folder under {@code behaviour/}. */
    protected abstract String zoneFolder();

    @BeforeAll
    void startServer(@TempDir Path workDir) {
        server = Targets.underTest(workDir, TestZones.inResourceFolder("behaviour/" + zoneFolder()));
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    protected int nextId() {
        return nextId.getAndIncrement() & 0xffff;
    }

    protected Message udp(String qname, int qtype) {
        return client.udp(server, Queries.query(nextId(), qname, qtype));
    }

    protected Message tcp(String qname, int qtype) {
        return client.tcp(server, Queries.query(nextId(), qname, qtype));
    }

    protected static List<Record> section(Message reply, int section) {
        return reply.getSection(section);
    }

    /** A section's RRs in presentation form with owner names lower-cased, for readable assertions. */
    protected static List<String> texts(Message reply, int section) {
        return reply.getSection(section).stream().map(ServedZoneTest::text).collect(Collectors.toList());
    }

    protected static String text(Record rr) {
        return rr.getName().toString().toLowerCase() + " " + rr.getTTL() + " "
                + org.xbill.DNS.Type.string(rr.getType()) + " " + rr.rdataToString();
    }

    protected static List<Record> answer(Message reply) {
        return section(reply, Section.ANSWER);
    }

    protected static List<Record> authority(Message reply) {
        return section(reply, Section.AUTHORITY);
    }

    protected static List<Record> additional(Message reply) {
        return Arrays.stream(reply.getSectionArray(Section.ADDITIONAL))
                .filter(rr -> rr.getType() != org.xbill.DNS.Type.OPT).collect(Collectors.toList());
    }
}
