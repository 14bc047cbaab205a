package dev.caadns.caa.template;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.answer.LocalLookup;
import dev.caadns.caa.CaaPlugin;
import dev.caadns.config.Settings;
import dev.caadns.config.SettingsLoader;
import dev.caadns.server.ZonesAndChain;
import dev.caadns.testsupport.TemplateZones;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.CAARecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** What the rules of the template fixture make caadns answer, asked in-process through the whole chain. */
class TemplateAnswersTest {
    @TempDir
    Path dir;

    private LocalLookup lookup;

    @BeforeEach
    void serveFixture() throws Exception {
        lookup = serve(TemplateZones.copyTo(dir));
    }

    private LocalLookup serve(Path config) throws Exception {
        Settings settings = SettingsLoader.load(Optional.of(config), TemplateZones.zoneFlags(dir));
        CaaPlugin caa = CaaPlugin.forSettings(settings);
        return new LocalLookup(ZonesAndChain.assemble(settings, List.of(caa)).chain());
    }

    /** The fixture's rules and more after them, as rule 7, 8... */
    private LocalLookup serveWith(String moreRules) throws Exception {
        Path config = dir.resolve("more.conf");
        Files.writeString(config, "include \"rules.conf\"\ncaa.templates = ${caa.templates} " + moreRules + "\n");
        return serve(config);
    }

    private static Message ask(LocalLookup lookup, String name, int type) {
        return lookup.ask(Name.fromConstantString(name + ".tpl.test."), type);
    }

    private static List<String> caa(Message reply) {
        return reply.getSection(Section.ANSWER).stream().filter(r -> r.getType() == Type.CAA)
                .map(r -> ((CAARecord) r).getTag() + " " + ((CAARecord) r).getValue()).toList();
    }

    private static boolean nodata(Message reply) {
        return reply.getRcode() == Rcode.NOERROR && reply.getSection(Section.ANSWER).isEmpty()
                && reply.getSection(Section.AUTHORITY).stream().anyMatch(r -> r.getType() == Type.SOA);
    }

    @Test
    void aRuleGivesExistingNamesItsPolicyWithTheZonesMinimumTtl() {
        Message reply = ask(lookup, "alpha.apps", Type.CAA);
        assertThat(caa(reply)).containsExactlyInAnyOrder("issue pki.goog", "iodef mailto:security@tpl.test");
        assertThat(reply.getSection(Section.ANSWER)).extracting(Record::getTTL).containsOnly(300L);
        assertThat(reply.getHeader().getFlag(org.xbill.DNS.Flags.AA)).isTrue();
        assertThat(caa(ask(lookup, "ent.apps", Type.CAA))).as("an empty non-terminal exists").hasSize(2);
    }

    @Test
    void aCaaRrsetInTheZoneFileWins() {
        assertThat(caa(ask(lookup, "lit.apps", Type.CAA))).containsExactly("issue literal.example");
    }

    @Test
    void appliesToExistingMakesNoNewNames() {
        assertThat(ask(lookup, "gamma.apps", Type.CAA).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(ask(lookup, "beta.apps", Type.TXT).getSection(Section.ANSWER)).hasSize(1);
    }

    @Test
    void appliesToAnyMakesTheNameExistForEveryTypeAndItsParentsToo() {
        assertThat(caa(ask(lookup, "foo.any", Type.CAA))).containsExactly("issue any.example");
        assertThat(caa(ask(lookup, "foo.any", Type.ANY))).containsExactly("issue any.example");
        assertThat(nodata(ask(lookup, "foo.any", Type.A))).as("RFC 8020: NODATA, never NXDOMAIN").isTrue();
        assertThat(nodata(ask(lookup, "any", Type.A))).as("the parent is an empty non-terminal").isTrue();
        assertThat(nodata(ask(lookup, "any", Type.CAA))).isTrue();
        assertThat(ask(lookup, "x.foo.any", Type.CAA).getRcode()).as("* is one label").isEqualTo(Rcode.NXDOMAIN);
        assertThat(caa(ask(lookup, "b.a.deep", Type.CAA))).containsExactly("issue deep.example");
        assertThat(ask(lookup, "b.a.deep", Type.CAA).getSection(Section.ANSWER).get(0).getTTL()).isEqualTo(60);
    }

    @Test
    void aTableGivesEachKeyItsRowAndOtherNamesNothing() {
        assertThat(caa(ask(lookup, "acme.customers", Type.CAA))).containsExactly(
                "issue letsencrypt.org; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/1001");
        assertThat(caa(ask(lookup, "gLoBeX.customers", Type.CAA))).containsExactly(
                "issue letsencrypt.org; accounturi=https://acme-v02.api.letsencrypt.org/acme/acct/1002");
        assertThat(ask(lookup, "nope.customers", Type.CAA).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(nodata(ask(lookup, "customers", Type.A))).isTrue();
    }

    @Test
    void capturesWithoutTableFillTheRecordsPerName() {
        assertThat(caa(ask(lookup, "web1.hosts", Type.CAA)))
                .containsExactly("issue ca.example; accounturi=https://ca.example/acct/web1");
        assertThat(ask(lookup, "under_score.hosts", Type.CAA).getRcode())
                .as("captures take letter-digit-hyphen labels only").isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void nothingAtACnameOwnerOrBelowACutButAliasesLeadToSynthesizedPolicies() {
        Message alias = ask(lookup, "alias.apps", Type.CAA);
        assertThat(alias.getSection(Section.ANSWER).get(0).getType()).isEqualTo(Type.CNAME);
        assertThat(caa(alias)).as("the target's synthesized set").contains("issue pki.goog");
        assertThat(caa(ask(lookup, "sub", Type.CAA))).as("CNAME to an applies-to any name").hasSize(1);
        Message kid = ask(lookup, "kid.apps", Type.CAA);
        assertThat(kid.getSection(Section.AUTHORITY)).extracting(Record::getType).containsOnly(Type.NS);
        assertThat(caa(ask(lookup, "x.dn.deep", Type.CAA))).isEmpty();
    }

    @Test
    void aWildcardOwnerMatchedByARuleAnswersForTheNamesItStandsFor() {
        assertThat(caa(ask(lookup, "foo.wild", Type.CAA))).containsExactly("issue wild.example");
    }

    @Test
    void theMostSpecificRuleWinsAndATieGoesToTheFirst() throws Exception {
        LocalLookup more = serveWith("[{ match = \"alpha.apps.tpl.test.\", issue = [\"alpha.example\"] },"
                + " { match = \"**.apps.tpl.test.\", issue = [\"many.example\"] },"
                + " { match = \"{x}.apps.tpl.test.\", issue = [\"tie.example\"] }]");
        assertThat(caa(ask(more, "alpha.apps", Type.CAA))).containsExactly("issue alpha.example");
        assertThat(caa(ask(more, "beta.apps", Type.CAA))).as("rule 1 ties with rule 9 and comes first")
                .contains("issue pki.goog");
        assertThat(caa(ask(more, "a.ent.apps", Type.CAA))).containsExactly("issue many.example");
    }
}
