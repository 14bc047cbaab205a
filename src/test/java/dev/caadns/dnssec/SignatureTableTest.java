package dev.caadns.dnssec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.caadns.zone.RRset;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Signatures kept in shared pages come back as they went in, by the identity of the RRset they cover. */
class SignatureTableTest {
    private static final byte[] OWNER = {1, 'a', 4, 't', 'e', 's', 't', 0};
    private static final byte[] SIGNER = {4, 't', 'e', 's', 't', 0};

    @Test
    void everyRRsetGetsItsOwnSignaturesBackAcrossManyPages() {
        SignatureTable table = new SignatureTable();
        Random random = new Random(7);
        List<RRset> covered = new ArrayList<>();
        List<RRset> rrsigs = new ArrayList<>();
        // ~40k entries of 1-3 RRSIGs with signatures of 64 to 256 bytes: several 1 MiB pages, entries
        // ending near page ends; 400 validity windows, more than the 255 shared field sets kept
        for (int i = 0; i < 40_000; i++) {
            RRset set = new RRset(OWNER, 1 + i % 300, 300 + i, new byte[][] {{(byte) i, 2, 3, 4}});
            byte[][] rdata = new byte[1 + random.nextInt(3)][];
            for (int k = 0; k < rdata.length; k++) {
                byte[] signature = new byte[64 + random.nextInt(193)];
                random.nextBytes(signature);
                rdata[k] = rrsig(set.type(), 2 + k, set.ttl(), 1_800_000_000L + i % 400, 13 + k, signature);
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
        byte[] first = rrsig(1, 2, 300, 1_800_000_000L, 13, new byte[64]);
        table.put(signed, new RRset(OWNER, ZoneSignatures.RRSIG, 300, new byte[][] {first}));
        assertThat(table.get(new RRset(OWNER, 1, 300, new byte[][] {{1, 2, 3, 4}}))).isNull();
        byte[] second = rrsig(1, 2, 300, 1_900_000_000L, 15, new byte[] {1, 2, 3});
        table.put(signed, new RRset(OWNER, ZoneSignatures.RRSIG, 300, new byte[][] {second, first}));
        assertThat(ZoneSignatures.rdataOf(table.get(signed))).isDeepEqualTo(new byte[][] {second, first});
    }

    private static byte[] rrsig(int type, int labels, long ttl, long expiration, int algorithm, byte[] signature) {
        return ByteBuffer.allocate(18 + SIGNER.length + signature.length).putShort((short) type)
                .put((byte) algorithm).put((byte) labels).putInt((int) ttl).putInt((int) expiration)
                .putInt((int) (expiration - 86_400)).putShort((short) 4711).put(SIGNER).put(signature).array();
    }
}
