package dev.caadns.wire;

/**
 * One parsed query. Instances are reused per event loop: the parser overwrites every field, so the
 * hot path allocates nothing per query.
 */
public final class Query {
    static final int MAX_NAME = 255;
    public static final int QUERY = 0;
    public static final int NOTIFY = 4;
    public static final int UPDATE = 5;
    /** 8 octets of client cookie and up to 32 of server cookie (RFC 7873 §4). */
    static final int MAX_COOKIE = 40;

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
    /** The COOKIE option's data as sent (RFC 7873): a client cookie, maybe a server cookie; length 0 = none. */
    final byte[] cookie = new byte[MAX_COOKIE];
    int cookieLength;
    boolean validServerCookie;

    /** Offset of the TSIG RR (the message's last record), or -1 when the message is not signed. */
    int tsigAt;
    private String tsigKey;
    private String tsigError = "";

    long clientSerial;

    Transport transport = Transport.UDP;
    String userAgent;
    java.net.InetSocketAddress client;

    /** A copy that outlives this reused instance: for a reply written later, on another thread. */
    public Query copy() {
        Query c = new Query();
        c.id = id;
        c.flags = flags;
        c.opcode = opcode;
        c.questionParsed = questionParsed;
        System.arraycopy(name, 0, c.name, 0, nameLength);
        c.nameLength = nameLength;
        c.type = type;
        c.dnsClass = dnsClass;
        c.edns = edns;
        c.ednsPayload = ednsPayload;
        c.ednsVersion = ednsVersion;
        c.dnssecOk = dnssecOk;
        c.nsidRequested = nsidRequested;
        c.clientSerial = clientSerial;
        System.arraycopy(cookie, 0, c.cookie, 0, cookieLength);
        c.cookieLength = cookieLength;
        c.validServerCookie = validServerCookie;
        c.transport = transport;
        c.userAgent = userAgent;
        c.client = client;
        c.tsigAt = tsigAt;
        c.tsigKey = tsigKey;
        c.tsigError = tsigError;
        return c;
    }

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

    public boolean signed() {
        return tsigAt >= 0;
    }

    /** Where the TSIG RR starts, for {@code tsig.Tsig#verify}; -1 when unsigned. */
    public int tsigAt() {
        return tsigAt;
    }

    /** The TSIG key name the message was signed with (verified or not), or null when unsigned. */
    public String tsigKey() {
        return tsigKey;
    }

    /** Why the TSIG check failed ({@code BADSIG}, ...), "" when it passed or the message is unsigned. */
    public String tsigError() {
        return tsigError;
    }

    /** Set by the dispatcher once it has checked the TSIG RR. */
    public void tsig(String key, String error) {
        tsigKey = key;
        tsigError = error;
    }

    /** For IXFR: the serial of the SOA in the authority section (the client's version), or -1 when none. */
    public long clientSerial() {
        return clientSerial;
    }

    /** The COOKIE option's data as sent, valid for [0, cookieLength()). */
    public byte[] cookie() {
        return cookie;
    }

    /** Length of the COOKIE option's data: 0 when none was sent, else 8 (client only) or 16 to 40. */
    public int cookieLength() {
        return cookieLength;
    }

    /** True once the cookie module found a server cookie we made for this client (RRL lets it through). */
    public boolean validServerCookie() {
        return validServerCookie;
    }

    public void validServerCookie(boolean value) {
        validServerCookie = value;
    }

    /** True for every transport on top of TCP (TCP, DoT, DoH): the reply may use the full 65,535 bytes. */
    public boolean overTcp() {
        return transport != Transport.UDP;
    }

    public Transport transport() {
        return transport;
    }

    /** The HTTP client's User-Agent for a DoH query, or null (other transports, or none sent). */
    public String userAgent() {
        return userAgent;
    }

    /** Set by the transport before parsing: the parser leaves these alone. */
    public void arrivedBy(Transport value, String httpUserAgent) {
        transport = value;
        userAgent = httpUserAgent;
    }

    /** Who sent the query (for access control); null when processed without a socket. */
    public java.net.InetSocketAddress client() {
        return client;
    }

    public void client(java.net.InetSocketAddress value) {
        client = value;
    }
}
