package dev.caadns.difftest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.caa.CaaPlugin;
import dev.caadns.caa.template.Materializer;
import dev.caadns.config.Settings;
import dev.caadns.config.SettingsLoader;
import dev.caadns.server.ZonesAndChain;
import dev.caadns.testsupport.CaadnsTarget;
import dev.caadns.testsupport.DnsTarget;
import dev.caadns.testsupport.DnsTestClient;
import dev.caadns.testsupport.KnotServer;
import dev.caadns.testsupport.Queries;
import dev.caadns.testsupport.TemplateZones;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Synthesized CAA is indistinguishable from CAA written in the zone file: the rules are materialized
 * into the zone (the records caadns synthesizes at every name asked), Knot serves that file, caadns
 * serves the original with the rules, and every answer must be the same: CAA and other types at
 * synthesized names, below them, above them (RFC 8020), through CNAMEs, for both applies-to modes.
 */
class TemplateKnotTest {
    /** Every name asked: the zone's, each rule's, below and above them, and names no rule may touch. */
    private static final List<String> NAMES = List.of(
            "tpl.test.", "ns1", "apps", "alpha.apps", "beta.apps", "lit.apps", "alias.apps", "ent.apps",
            "a.ent.apps", "kid.apps", "ns.kid.apps", "x.kid.apps", "gamma.apps", "x.alpha.apps", "sub",
            "customers", "acme.customers", "GLOBEX.customers", "nope.customers", "x.acme.customers",
            "any", "foo.any", "bar.any", "x.foo.any", "deep", "a.deep", "b.a.deep", "dn.deep", "x.dn.deep",
            "wild", "*.wild", "foo.wild", "hosts", "web1.hosts", "x.web1.hosts", "under_score.hosts");
    private static final int[] TYPES = {Type.CAA, Type.A, Type.TXT, Type.ANY, Type.CNAME, Type.NS, Type.DS};

    @TempDir
    Path dir;

    @Test
    void answersMatchKnotServingTheMaterializedZone() throws Exception {
        Path config = TemplateZones.copyTo(dir);
        Map<String, Object> flags = TemplateZones.zoneFlags(dir);
        List<Name> names = NAMES.stream().map(n -> Queries.name(n.endsWith(".") ? n : n + ".tpl.test."))
                .toList();

        Settings settings = SettingsLoader.load(Optional.of(config), flags);
        CaaPlugin caa = CaaPlugin.forSettings(settings);
        ZonesAndChain served = ZonesAndChain.assemble(settings, List.of(caa));
        List<Record> synthesized = Materializer.materialize(caa.templates(), served.zones().get(), names);
        assertThat(synthesized).as("the rules synthesize somewhere").hasSizeGreaterThan(10);

        Path refereeDir = Files.createDirectory(dir.resolve("knot"));
        Path materialized = refereeDir.resolve("tpl.test.zone");
        Files.writeString(materialized, Files.readString(dir.resolve("tpl.test.zone"))
                + synthesized.stream().map(Record::toString).collect(Collectors.joining("\n", "\n", "\n")));
        Map<Name, Path> refereeZones = Map.of(TemplateZones.ORIGIN, materialized);

        ResponseComparator comparator = new ResponseComparator("caadns", "knot",
                new KnownDifferences(ZoneData.load(refereeZones)));
        DnsTestClient client = new DnsTestClient();
        List<String> mismatches = new ArrayList<>();
        int id = 1;
        try (DnsTarget referee = KnotServer.start(refereeDir, refereeZones);
             DnsTarget underTest = CaadnsTarget.start(Optional.of(config), TemplateZones.zones(dir), flags)) {
            for (Name name : names) {
                for (int type : TYPES) {
                    GeneratedQuery query = new GeneratedQuery(id++, name, type, 1232, false,
                            GeneratedQuery.Transport.UDP);
                    Message ours = client.udp(underTest, query.toMessage());
                    Message theirs = client.udp(referee, query.toMessage());
                    List<String> diffs = comparator.differences(query, ReplyView.of(ours), ReplyView.of(theirs));
                    if (!diffs.isEmpty()) {
                        mismatches.add(query + "\n  " + String.join("\n  ", diffs) + "\n--- caadns:\n" + ours
                                + "\n--- knot:\n" + theirs);
                    }
                }
            }
        }
        assertThat(mismatches).as("materialized zone:%n%s", Files.readString(materialized)).isEmpty();
    }
}
