package dev.caadns.wire;

/** What the answer path decided; reused per event loop and turned into bytes by {@link ResponseWriter}. */
public final class Response {
    public static final int NOERROR = 0;
    public static final int FORMERR = 1;
    public static final int SERVFAIL = 2;
    public static final int NXDOMAIN = 3;
    public static final int NOTIMP = 4;
    public static final int REFUSED = 5;
    public static final int YXDOMAIN = 6;
    public static final int YXRRSET = 7;
    public static final int NXRRSET = 8;
    public static final int NOTAUTH = 9;
    public static final int NOTZONE = 10;
    public static final int BADVERS = 16;
    /** RFC 7873 §8: an extended rcode, so only for EDNS queries (the writer puts its high bits in OPT). */
    public static final int BADCOOKIE = 23;

    private int rcode;
    private boolean authoritative;
    private boolean truncated;
    private boolean question = true;
    private boolean drop;
    private int delayMillis;
    private int extendedErrorCode = -1;
    private String extendedErrorText = "";
    private String note;
    private ReplyStream stream;
    private int reserved;
    private final byte[] cookie = new byte[40];
    private int cookieLength;
    private DnssecFault dnssecFault = DnssecFault.NONE;
    private final Section answer = new Section();
    private final Section authority = new Section();
    private final Section additional = new Section();

    public void reset() {
        rcode = NOERROR;
        authoritative = false;
        truncated = false;
        question = true;
        drop = false;
        delayMillis = 0;
        extendedErrorCode = -1;
        extendedErrorText = "";
        note = null;
        stream = null;
        reserved = 0;
        dnssecFault = DnssecFault.NONE;
        answer.clear();
        authority.clear();
        additional.clear();
    }

    public int rcode() {
        return rcode;
    }

    public void rcode(int value) {
        rcode = value;
    }

    public boolean authoritative() {
        return authoritative;
    }

    public void authoritative(boolean value) {
        authoritative = value;
    }

    /** Forces TC even when everything fits (fault injection); the writer also sets it when data is cut. */
    public boolean truncated() {
        return truncated;
    }

    public void truncated(boolean value) {
        truncated = value;
    }

    /** False when the question could not be read: the reply carries a header only. */
    public boolean question() {
        return question;
    }

    public void question(boolean value) {
        question = value;
    }

    /** True when the query gets no reply at all (a fault: the client times out). */
    public boolean drop() {
        return drop;
    }

    public void drop(boolean value) {
        drop = value;
    }

    /** Milliseconds the transport waits before sending the reply (a fault); 0 = at once. */
    public int delayMillis() {
        return delayMillis;
    }

    public void delayMillis(int value) {
        delayMillis = value;
    }

    /** RFC 8914 extended DNS error to attach when the client sent EDNS; -1 = none. */
    public int extendedErrorCode() {
        return extendedErrorCode;
    }

    public String extendedErrorText() {
        return extendedErrorText;
    }

    public void extendedError(int code, String text) {
        extendedErrorCode = code;
        extendedErrorText = text == null ? "" : text;
    }

    /** What decided this answer beyond the zone data (a fault, a template rule), for the journal; or null. */
    public String note() {
        return note;
    }

    public void note(String value) {
        note = value;
    }

    /** The messages of a reply too long for one (TCP only); null for a one-message reply. */
    public ReplyStream stream() {
        return stream;
    }

    public void stream(ReplyStream value) {
        stream = value;
    }

    /** Octets the writer leaves free at the end of the reply, for a TSIG RR added after it. */
    public int reserved() {
        return reserved;
    }

    public void reserve(int octets) {
        reserved = octets;
    }

    /** A slipped answer (RRL): TC set and every section emptied, so the client retries over TCP. */
    public void truncateToHeader() {
        answer.clear();
        authority.clear();
        additional.clear();
        truncated = true;
    }

    /** Where the cookie module writes the reply's COOKIE option data; sent when {@link #cookieLength()} is above 0. */
    public byte[] cookie() {
        return cookie;
    }

    public int cookieLength() {
        return cookieLength;
    }

    public void cookieLength(int value) {
        cookieLength = value;
    }

    /**
     * How long the reply may be cached (RFC 8484 §5.1): the smallest TTL in the answer section, or for
     * an answer without records the smallest in the authority section (the SOA, RFC 2308); -1 = no records.
     */
    public long freshnessSeconds() {
        long answerTtl = answer.smallestTtl();
        return answerTtl >= 0 ? answerTtl : authority.smallestTtl();
    }

    /** How this reply's DNSSEC records are to be broken (a fault), or NONE. */
    public DnssecFault dnssecFault() {
        return dnssecFault;
    }

    public void dnssecFault(DnssecFault value) {
        dnssecFault = value;
    }

    public Section answer() {
        return answer;
    }

    public Section authority() {
        return authority;
    }

    public Section additional() {
        return additional;
    }
}
