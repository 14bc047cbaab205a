package dev.caadns.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.Name;

/** RFC 4034 §6.1's example order, and the online NSEC bounds around a name (RFC 4470). */
class CanonicalOrderTest {
    private static byte[] wire(String name) {
        return Name.fromConstantString(name).toWire();
    }

    @Test
    void sortsAsRfc4034Section61() {
        List<String> expected = List.of("example.", "a.example.", "yljkjljk.a.example.", "Z.a.example.",
                "zABC.a.EXAMPLE.", "z.example.", "\\001.z.example.", "*.z.example.", "\\200.z.example.");
        List<String> shuffled = new ArrayList<>(expected);
        Collections.shuffle(shuffled, new java.util.Random(4034));
        shuffled.sort((a, b) -> CanonicalOrder.compare(wire(a), wire(b)));
        assertThat(shuffled).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.b.tenants.test.", "nope.lab.test.", "*.lab.test.", "[.lab.test.", "x\\000.lab.test.",
        "ZZ.Lab.Test."})
    void onlineBoundsCoverTheNameAndNothingBelowItsParent(String text) {
        byte[] name = wire(text);
        byte[] before = CanonicalOrder.predecessor(name, 0, name.length);
        byte[] after = CanonicalOrder.afterSubtree(name, 0, name.length);
        byte[] parent = new Name(Name.fromConstantString(text), 1).toWire();
        byte[] child = wire("deep.below." + text);
        assertThat(CanonicalOrder.compare(before, name)).isNegative();
        assertThat(CanonicalOrder.compare(parent, before)).isNegative();
        assertThat(CanonicalOrder.compare(name, after)).isNegative();
        assertThat(CanonicalOrder.compare(child, after)).as("descendants are denied with the name").isNegative();
        assertThat(dev.caadns.zone.WireName.toName(after).subdomain(Name.fromConstantString(text)))
                .as("a next name below the name would prove it exists").isFalse();
    }
}
