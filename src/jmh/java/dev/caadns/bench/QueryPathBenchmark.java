package dev.caadns.bench;

import com.typesafe.config.ConfigFactory;
import dev.caadns.answer.QueryProcessor;
import dev.caadns.answer.ZoneAnswerer;
import dev.caadns.answer.ZoneSet;
import dev.caadns.answer.ZoneSynthesis;
import dev.caadns.caa.CaaZoneValidator;
import dev.caadns.caa.template.TemplateSynthesis;
import dev.caadns.wire.ResponseWriter;
import dev.caadns.wire.Transport;
import dev.caadns.zone.ZoneIndex;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * One query through {@link QueryProcessor#process(byte[], int, boolean)}: parse, lookup, encode, as a
 * UDP worker does it, minus the socket. The zone mirrors benchmarks/lib/gen-zone.py (10,000 names
 * h0..h9999, each with an A, 9 in 10 with 1-3 CAA) plus a wildcard and a delegation.
 *
 * <p>Each invocation answers the next of 1,024 prepared queries for different names, so the lookup
 * is not measured on one cache-hot name. Run with {@code -prof gc}: {@code gc.alloc.rate.norm} is the
 * bytes allocated per query (the goal is 0).
 *
 * <p>Templates: with {@code -p templates=on} the answerer also has 1,000 CAA template rules
 * ({@code *.appN.bench.test.}) and one rule with a 10,000-row table ({@code {tenant}.customers.bench.test.},
 * applies-to any), so every kind shows what the rules cost the names they do not match;
 * {@code kind=synthesized} asks tenant names the table rule synthesizes (it always has the rules).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class QueryPathBenchmark {
    static final int NAMES = 10_000;
    static final int QUERIES = 1024;

    /**
     * positive: CAA of an existing name (1-3 records); nxdomain: CAA of a name that does not exist
     * (SOA in authority); wildcard: CAA synthesized from *.wild; referral: a name below a delegation
     * (NS in authority, glue in additional); synthesized: CAA of a tenant from the template table.
     */
    @Param({"positive", "nxdomain", "wildcard", "referral", "synthesized"})
    public String kind;

    /** on: 1,001 CAA template rules (one with a 10,000-row table) beside the zone. */
    @Param({"off", "on"})
    public String templates;

    /** Whether the query is answered as over TCP (no truncation limit). */
    @Param({"false"})
    public boolean tcp;

    private QueryProcessor processor;
    private byte[][] packets;
    private int next;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Name origin = Name.fromString("bench.test.");
        ZoneSet zones = new ZoneSet(List.of(ZoneIndex.of(origin, zone(origin))));
        ZoneSynthesis synthesis = templates.equals("on") || kind.equals("synthesized") ? rules() : ZoneSynthesis.NONE;
        processor = new QueryProcessor(new ZoneAnswerer(() -> zones, synthesis), new ResponseWriter(1232, new byte[0]));
        packets = new byte[QUERIES][];
        for (int i = 0; i < QUERIES; i++) {
            int n = (int) ((i * 7919L) % NAMES);
            String qname = switch (kind) {
                case "positive" -> "h" + (n % 10 == 9 ? n - 1 : n) + ".bench.test.";
                case "nxdomain" -> "www.h" + n + ".bench.test.";
                case "wildcard" -> "x" + n + ".wild.bench.test.";
                case "referral" -> "host" + n + ".sub.bench.test.";
                case "synthesized" -> "t" + n + ".customers.bench.test.";
                default -> throw new IllegalArgumentException("unknown kind " + kind);
            };
            packets[i] = Message.newQuery(Record.newRecord(Name.fromString(qname), Type.CAA, DClass.IN)).toWire();
            check(qname, packets[i]);
        }
    }

    /** Fails the trial if a prepared query does not get the answer its kind is about. */
    private void check(String qname, byte[] packet) {
        int length = processor.process(packet, packet.length, tcp ? Transport.TCP : Transport.UDP);
        byte[] reply = processor.reply();
        int flags = ((reply[2] & 0xff) << 8) | (reply[3] & 0xff);
        int rcode = flags & 0xf;
        boolean aa = (flags & 0x0400) != 0;
        int answers = ((reply[6] & 0xff) << 8) | (reply[7] & 0xff);
        int authority = ((reply[8] & 0xff) << 8) | (reply[9] & 0xff);
        boolean ok = length > 0 && switch (kind) {
            case "positive", "wildcard", "synthesized" -> rcode == 0 && aa && answers > 0;
            case "nxdomain" -> rcode == 3 && aa && answers == 0 && authority == 1;
            case "referral" -> rcode == 0 && !aa && answers == 0 && authority > 0;
            default -> false;
        };
        if (!ok) {
            throw new IllegalStateException(kind + ": unexpected reply for " + qname + ": rcode " + rcode
                    + ", aa " + aa + ", answers " + answers + ", authority " + authority);
        }
    }

    /** The rules as caa.templates would give them, the table in a temporary CSV file. */
    private static ZoneSynthesis rules() throws Exception {
        Path table = Files.createTempFile("tenants", ".csv");
        table.toFile().deleteOnExit();
        StringBuilder csv = new StringBuilder("tenant,account\n");
        for (int i = 0; i < NAMES; i++) {
            csv.append('t').append(i).append(',').append(100_000 + i).append('\n');
        }
        Files.writeString(table, csv);
        StringBuilder conf = new StringBuilder("caa.templates = [\n");
        for (int i = 0; i < 1000; i++) {
            conf.append("{ match = \"*.app").append(i).append(".bench.test.\", issue = [\"ca").append(i)
                    .append(".example\"] }\n");
        }
        conf.append("{ match = \"{tenant}.customers.bench.test.\", applies-to = any, table = \"")
                .append(table).append("\", records = [\"0 issue \\\"letsencrypt.org; accounturi=")
                .append("https://acme-v02.api.letsencrypt.org/acme/acct/{account}\\\"\"] }\n]\n");
        return TemplateSynthesis.fromConfig(ConfigFactory.parseString(conf.toString()), new CaaZoneValidator(false));
    }

    @Benchmark
    public int process() {
        byte[] packet = packets[next];
        next = (next + 1) & (QUERIES - 1);
        return processor.process(packet, packet.length, tcp ? Transport.TCP : Transport.UDP);
    }

    static List<Record> zone(Name origin) throws Exception {
        List<Record> records = new ArrayList<>();
        Name ns = name("ns", origin);
        records.add(new SOARecord(origin, DClass.IN, 3600, ns, name("hostmaster", origin), 1, 7200, 3600,
                1209600, 300));
        records.add(new NSRecord(origin, DClass.IN, 3600, ns));
        records.add(new ARecord(ns, DClass.IN, 3600, address(127, 0, 0, 1)));
        records.add(new CAARecord(origin, DClass.IN, 3600, 0, "issue", "ca.example.net"));
        for (int i = 0; i < NAMES; i++) {
            Name owner = name("h" + i, origin);
            records.add(new ARecord(owner, DClass.IN, 3600, address(10, (i >> 16) & 255, (i >> 8) & 255, i & 255)));
            if (i % 10 == 9) {
                continue;
            }
            records.add(new CAARecord(owner, DClass.IN, 3600, 0, "issue", "ca.example.net"));
            if (i % 3 >= 1) {
                records.add(new CAARecord(owner, DClass.IN, 3600, 0, "issuewild", ";"));
            }
            if (i % 3 == 2) {
                records.add(new CAARecord(owner, DClass.IN, 3600, 0, "iodef", "mailto:security@example.net"));
            }
        }
        Name wild = name("*.wild", origin);
        records.add(new CAARecord(wild, DClass.IN, 3600, 0, "issue", "ca.example.net"));
        records.add(new ARecord(wild, DClass.IN, 3600, address(10, 255, 0, 1)));
        Name sub = name("sub", origin);
        Name subNs = name("ns.sub", origin);
        records.add(new NSRecord(sub, DClass.IN, 3600, subNs));
        records.add(new ARecord(subNs, DClass.IN, 3600, address(10, 255, 0, 2)));
        return records;
    }

    private static Name name(String relative, Name origin) throws Exception {
        return Name.fromString(relative, origin);
    }

    private static InetAddress address(int a, int b, int c, int d) throws UnknownHostException {
        return InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
    }
}
