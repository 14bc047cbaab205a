package dev.caadns.zone;

import org.xbill.DNS.Compression;
import org.xbill.DNS.DNSInput;
import org.xbill.DNS.DNSOutput;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Tokenizer;

/**
 * A record served with exactly the RFC 3597 bytes the zone gave, for rdata that dnsjava's typed
 * class rejects or would re-encode (a CAA with tag length 0 past the end, say): a lab serves such
 * records on purpose. dnsjava's own {@code UNKRecord} cannot be built for a type it knows, and
 * reflection or {@code Type.register} would change global state, so this small subclass uses
 * {@link Record}'s protected constructor instead.
 */
final class OpaqueRecord extends Record {

    private byte[] data;

    OpaqueRecord(Name name, int type, int dclass, long ttl, byte[] data) {
        super(name, type, dclass, ttl);
        this.data = data.clone();
    }

    byte[] data() {
        return data.clone();
    }

    @Override
    protected void rrFromWire(DNSInput in) {
        data = in.readByteArray();
    }

    @Override
    protected void rdataFromString(Tokenizer st, Name origin) throws java.io.IOException {
        throw st.exception("opaque rdata is only built from RFC 3597 bytes");
    }

    @Override
    protected String rrToString() {
        return unknownToString(data);
    }

    @Override
    protected void rrToWire(DNSOutput out, Compression c, boolean canonical) {
        out.writeByteArray(data);
    }
}
