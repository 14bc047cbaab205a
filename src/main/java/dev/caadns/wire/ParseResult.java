package dev.caadns.wire;

/** What the parser decided about a packet before any lookup. */
public enum ParseResult {
    /** A well-formed QUERY: look it up. */
    OK,
    /** Not worth a reply: too short to hold a header, or a response (QR set). */
    DROP,
    FORMERR,
    NOTIMP,
    /** EDNS version above 0 (RFC 6891 §6.1.3). */
    BADVERS
}
