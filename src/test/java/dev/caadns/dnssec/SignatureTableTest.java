package dev.caadns.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.zone.RRset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Signatures kept in shared pages come back as they went in, by the identity of the RRset they cover. */
class SignatureTableTest {
    private static final byte[] OWNER = {1, 'a', 4, 't', 'e', 's', 't', 0};

    @Test
    void everyRRsetGetsItsOwnSignaturesBackAcrossManyPages() {
        SignatureTable table = new SignatureTable();
        Random random = new Random(7);
        List<RRset> covered = new ArrayList<>();
        List<RRset> rrsigs = new ArrayList<>();
        // ~40k entries of 1-3 RRSIGs of 90-300 bytes: several 1 MiB pages, entries ending near page ends
        for (int i = 0; i < 40_000; i++) {
            RRset set = new RRset(OWNER, 1, 300 + i, new byte[][] {{(byte) i, 2, 3, 4}});
            byte[][] rdata = new byte[1 + random.nextInt(3)][];
            for (int k = 0; k < rdata.length; k++) {
                rdata[k] = new byte[90 + random.nextInt(211)];
                random.nextBytes(rdata[k]);
            }
            covered.add(set);
            rrsigs.add(new RRset(OWNER, ZoneSignatures.RRSIG, set.ttl(), rdata));
            table.put(set, rrsigs.get(i));
        }
        for (int i = 0; i < covered.size(); i++) {
            RRset back = table.get(covered.get(i));
            assertThat(back.type()).isEqualTo(ZoneSignatures.RRSIG);
            assertThat(back.owner()).isSameAs(OWNER);
            assertThat(back.ttl()).isEqualTo(covered.get(i).ttl());
            assertThat(ZoneSignatures.rdataOf(back)).isDeepEqualTo(ZoneSignatures.rdataOf(rrsigs.get(i)));
        }
    }

    @Test
    void anRRsetWithTheSameContentIsNotTheOneSigned() {
        SignatureTable table = new SignatureTable();
        RRset signed = new RRset(OWNER, 1, 300, new byte[][] {{1, 2, 3, 4}});
        table.put(signed, new RRset(OWNER, ZoneSignatures.RRSIG, 300, new byte[][] {{9}}));
        assertThat(table.get(new RRset(OWNER, 1, 300, new byte[][] {{1, 2, 3, 4}}))).isNull();
        table.put(signed, new RRset(OWNER, ZoneSignatures.RRSIG, 300, new byte[][] {{8}, {7}}));
        assertThat(ZoneSignatures.rdataOf(table.get(signed))).isDeepEqualTo(new byte[][] {{8}, {7}});
    }
}
