package dev.caadns.dnssec;

import dev.caadns.zone.RRset;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * Makes RRSIG RDATA over an RRset (RFC 4034 §3.1.8.1): the RRSIG fields, then each record in
 * canonical form (lowercase owner and embedded names, original TTL) in canonical RDATA order.
 */
final class RrsigMaker {
    static final int RRSIG = 46;
    private static final int CLASS_IN = 1;

    private RrsigMaker() {
    }

    /**
     * @param owner the lowercase wire name the RRset is signed at (a wildcard keeps its star)
     * @param signer the zone's lowercase wire name
     * @param inception seconds since the epoch, as RRSIG carries them (mod 2^32)
     */
    static byte[] sign(ZoneKey key, byte[] signer, byte[] owner, int type, long ttl, byte[][] rdata,
                       long inception, long expiration) {
        byte[] fields = fields(key, signer, owner, type, ttl, inception, expiration);
        byte[] signature = key.sign(signedData(fields, owner, type, ttl, rdata));
        byte[] out = Arrays.copyOf(fields, fields.length + signature.length);
        System.arraycopy(signature, 0, out, fields.length, signature.length);
        return out;
    }

    static RRset rrset(byte[] owner, long ttl, byte[]... rrsigs) {
        return new RRset(owner, RRSIG, ttl, rrsigs);
    }

    private static byte[] fields(ZoneKey key, byte[] signer, byte[] owner, int type, long ttl, long inception,
                                 long expiration) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(18 + signer.length + 64);
        put16(out, type);
        out.write(key.algorithm().number());
        out.write(labels(owner));
        put32(out, ttl);
        put32(out, expiration);
        put32(out, inception);
        put16(out, key.keyTag());
        out.writeBytes(signer);
        return out.toByteArray();
    }

    /** RFC 4034 §3.1.3: the owner's labels, the root and a leading star not counted. */
    static int labels(byte[] owner) {
        int n = 0;
        for (int p = 0; owner[p] != 0; p += (owner[p] & 0xff) + 1) {
            n++;
        }
        return owner[0] == 1 && owner[1] == '*' ? n - 1 : n;
    }

    private static byte[] signedData(byte[] fields, byte[] owner, int type, long ttl, byte[][] rdata) {
        byte[][] canonical = new byte[rdata.length][];
        for (int i = 0; i < rdata.length; i++) {
            canonical[i] = canonicalRdata(type, rdata[i]);
        }
        Arrays.sort(canonical, Arrays::compareUnsigned);
        ByteArrayOutputStream out = new ByteArrayOutputStream(fields.length + rdata.length * (owner.length + 64));
        out.writeBytes(fields);
        byte[] previous = null;
        for (byte[] data : canonical) {
            if (previous != null && Arrays.equals(previous, data)) {
                continue;
            }
            previous = data;
            out.writeBytes(owner);
            put16(out, type);
            put16(out, CLASS_IN);
            put32(out, ttl);
            put16(out, data.length);
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    /** RFC 4034 §6.2 (with RFC 6840 §5.1): embedded names of these types are lowercased. */
    static byte[] canonicalRdata(int type, byte[] rdata) {
        switch (type) {
            case 2, 3, 4, 5, 6, 7, 8, 9, 12, 14, 15, 17, 18, 21, 24, 26, 33, 35, 36, 38, 39 -> {
                Record record = Record.newRecord(Name.root, type, DClass.IN, 0, rdata);
                return record.rdataToWireCanonical();
            }
            default -> {
                return rdata;
            }
        }
    }

    private static void put16(ByteArrayOutputStream out, int value) {
        out.write(value >> 8);
        out.write(value);
    }

    private static void put32(ByteArrayOutputStream out, long value) {
        out.write((int) (value >> 24));
        out.write((int) (value >> 16));
        out.write((int) (value >> 8));
        out.write((int) value);
    }
}
