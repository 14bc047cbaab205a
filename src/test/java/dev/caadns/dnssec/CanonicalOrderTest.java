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

    private static final int LAB_TEST = wire("lab.test.").length;

    @ParameterizedTest
    @ValueSource(strings = {"a.b.tenants.test.", "nope.lab.test.", "*.lab.test.", "[.lab.test.", "x\\000.lab.test.",
        "ZZ.Lab.Test."})
    void onlineBoundsCoverTheNameAndNothingBelowItsParent(String text) {
        byte[] name = wire(text);
        byte[] before = CanonicalOrder.predecessor(name, 0, name.length);
        byte[] after = CanonicalOrder.afterSubtree(name, 0, name.length, LAB_TEST);
        byte[] parent = new Name(Name.fromConstantString(text), 1).toWire();
        byte[] child = wire("deep.below." + text);
        assertThat(CanonicalOrder.compare(before, name)).isNegative();
        assertThat(CanonicalOrder.compare(parent, before)).isNegative();
        assertThat(CanonicalOrder.compare(name, after)).isNegative();
        assertThat(CanonicalOrder.compare(child, after)).as("descendants are denied with the name").isNegative();
        assertThat(dev.caadns.zone.WireName.toName(after).subdomain(Name.fromConstantString(text)))
                .as("a next name below the name would prove it exists").isFalse();
    }

    /**
     * RFC 4471's absolute bounds: no name at all lies between the predecessor and the name, and none
     * but the name's descendants between the name and the end of its subtree, whatever octets a name
     * near it has (a template may make any label exist). The shortened predecessor this replaced,
     * {@code nopd\377.lab.test.}, covered {@code nopd\377x.lab.test.} and {@code x.nopd\377.lab.test.}.
     */
    @ParameterizedTest
    @ValueSource(strings = {"nope.lab.test.", "b.lab.test.", "a.b.lab.test.", "x\\000.lab.test.", "\\000.x.lab.test.",
        "\\000.lab.test.", "[.lab.test.", "a.lab.test.", "\\001.lab.test.", "x\\255.lab.test.",
        "\\255\\255.lab.test.", "ZZ.Lab.Test.",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghijk.lab.test.",
        "abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyzabcdefghij\\255.lab.test."})
    void absoluteBoundsLeaveNoNameBetween(String text) {
        byte[] name = wire(text);
        byte[] before = CanonicalOrder.predecessor(name, 0, name.length);
        byte[] after = CanonicalOrder.afterSubtree(name, 0, name.length, LAB_TEST);
        assertThat(before.length).isLessThanOrEqualTo(255);
        Name owner = dev.caadns.zone.WireName.toName(before);
        Name asked = Name.fromConstantString(text);
        assertThat(owner.compareTo(asked)).isNegative();
        assertThat(owner.subdomain(Name.fromConstantString("lab.test."))).isTrue();
        Name next = after == null ? null : dev.caadns.zone.WireName.toName(after);
        int checked = 0;
        for (Name near : near(asked)) {
            boolean between = owner.compareTo(near) < 0 && (next == null || near.compareTo(next) < 0);
            assertThat(between).as("%s lies between %s and %s", near, owner, next)
                    .isEqualTo(near.subdomain(asked));
            checked++;
        }
        assertThat(checked).isGreaterThan(500);
    }

    /**
     * Names close to name: its first label with the last octet changed, grown by one, cut, or lowered
     * with {@code \377} and one more octet after it; each alone and with a child.
     */
    private static List<Name> near(Name name) {
        byte[] first = name.getLabel(0);
        Name parent = new Name(name, 1);
        List<Name> out = new ArrayList<>();
        for (int octet = 0; octet < 256; octet++) {
            byte[] changed = first.clone();
            changed[changed.length - 1] = (byte) octet;
            byte[] grown = java.util.Arrays.copyOf(first, first.length + 1);
            grown[first.length] = (byte) octet;
            byte[] lowered = java.util.Arrays.copyOf(first, first.length + 2); // nopd\377x for nope
            lowered[first.length - 1] = (byte) ((first[first.length - 1] & 0xff) - 1);
            lowered[first.length] = (byte) 0xff;
            lowered[first.length + 1] = (byte) octet;
            for (byte[] label : new byte[][] {changed, grown, lowered}) {
                for (String child : new String[] {null, "a", "\\255", "\\000"}) {
                    Name n = below(label, parent, child);
                    if (n != null) {
                        out.add(n);
                    }
                }
            }
        }
        if (first[0] > 1) {
            out.add(below(java.util.Arrays.copyOfRange(first, 0, first[0]), parent, null));
        }
        out.add(parent);
        return out;
    }

    /** The label (length octet first, any length octet) above parent, and child below it; null when too long. */
    private static Name below(byte[] label, Name parent, String child) {
        byte[] suffix = parent.toWire();
        if (label.length - 1 > 63 || label.length + suffix.length > 255) {
            return null;
        }
        byte[] wire = new byte[label.length + suffix.length];
        System.arraycopy(label, 0, wire, 0, label.length);
        wire[0] = (byte) (label.length - 1);
        System.arraycopy(suffix, 0, wire, label.length, suffix.length);
        try {
            Name n = new Name(wire);
            return child == null ? n : Name.concatenate(Name.fromConstantString(child), n);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
