package dev.caadns.wire;

/**
 * One parsed query. Instances are reused per event loop: the parser overwrites every field, so the
 * hot path allocates nothing per query.
 */
public final class Query {
    static final int MAX_NAME = 255;

    int id;
    int flags;
    int opcode;
    boolean questionParsed;
    /** The question name as sent (case kept: replies echo it), uncompressed wire form. */
    final byte[] name = new byte[MAX_NAME];
    int nameLength;
    int type;
    int dnsClass;

    boolean edns;
    int ednsPayload;
    int ednsVersion;
    boolean dnssecOk;
    boolean nsidRequested;

    boolean tcp;

    public int id() {
        return id;
    }

    public int opcode() {
        return opcode;
    }

    public boolean recursionDesired() {
        return (flags & 0x0100) != 0;
    }

    public boolean checkingDisabled() {
        return (flags & 0x0010) != 0;
    }

    public boolean hasQuestion() {
        return questionParsed;
    }

    /** The question name as sent, uncompressed wire form; valid for [0, nameLength()). */
    public byte[] name() {
        return name;
    }

    public int nameLength() {
        return nameLength;
    }

    public int type() {
        return type;
    }

    public int dnsClass() {
        return dnsClass;
    }

    public boolean hasEdns() {
        return edns;
    }

    /** The client's UDP payload size, at least 512. */
    public int ednsPayload() {
        return ednsPayload;
    }

    public int ednsVersion() {
        return ednsVersion;
    }

    public boolean dnssecOk() {
        return dnssecOk;
    }

    public boolean nsidRequested() {
        return nsidRequested;
    }

    public boolean overTcp() {
        return tcp;
    }

    public void overTcp(boolean value) {
        tcp = value;
    }
}
