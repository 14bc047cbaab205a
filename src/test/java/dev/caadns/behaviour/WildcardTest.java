package dev.caadns.behaviour;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** Wildcard synthesis per RFC 4592: owner is the question, explicit names block, ENTs above do not. */
class WildcardTest extends ServedZoneTest {
    @Override
    protected String zoneFolder() {
        return "wildcard";
    }

    @Test
    void synthesizesWithTheQuestionAsOwnerAtAnyDepth() {
        assertThat(texts(udp("foo.w.wild.test.", Type.A), Section.ANSWER))
                .containsExactly("foo.w.wild.test. 3600 A 192.0.2.1");
        assertThat(texts(udp("a.b.w.wild.test.", Type.CAA), Section.ANSWER))
                .containsExactly("a.b.w.wild.test. 3600 CAA 0 issue \"wild.example\"");
    }

    @Test
    void keepsTheQuestionLetterCase() {
        Message reply = udp("FoO.w.wild.test.", Type.A);
        assertThat(reply.getQuestion().getName().toString()).isEqualTo("FoO.w.wild.test.");
        assertThat(answer(reply)).singleElement().satisfies(rr -> assertThat(rr.getName().toString())
                .isEqualToIgnoringCase("foo.w.wild.test."));
    }

    @Test
    void missingTypeAtWildcardIsNoData() {
        Message reply = udp("foo.w.wild.test.", Type.MX);
        assertThat(reply.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(reply.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(answer(reply)).isEmpty();
        assertThat(texts(reply, Section.AUTHORITY)).singleElement().asString().startsWith("wild.test. 300 SOA");
    }

    @Test
    void explicitNameWinsAndBlocksTheWildcardBelowIt() {
        assertThat(texts(udp("explicit.w.wild.test.", Type.A), Section.ANSWER))
                .containsExactly("explicit.w.wild.test. 3600 A 192.0.2.2");
        Message below = udp("x.explicit.w.wild.test.", Type.A);
        assertThat(below.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(answer(below)).isEmpty();
    }

    @Test
    void theWildcardOwnerItselfIsAnOrdinaryName() {
        assertThat(texts(udp("*.w.wild.test.", Type.A), Section.ANSWER)).containsExactly("*.w.wild.test. 3600 A 192.0.2.1");
    }

    @Test
    void wildcardCnameIsFollowed() {
        assertThat(texts(udp("any.c.wild.test.", Type.A), Section.ANSWER)).containsExactly(
                "any.c.wild.test. 3600 CNAME target.wild.test.", "target.wild.test. 3600 A 192.0.2.3");
    }

    @Test
    void wildcardBelowEmptyNonTerminals() {
        assertThat(texts(udp("y.x.e.wild.test.", Type.A), Section.ANSWER)).containsExactly("y.x.e.wild.test. 3600 A 192.0.2.4");
        Message ent = udp("x.e.wild.test.", Type.A);
        assertThat(ent.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer(ent)).isEmpty();
        assertThat(udp("other.e.wild.test.", Type.A).getRcode()).as("*.e does not exist").isEqualTo(Rcode.NXDOMAIN);
    }
}
