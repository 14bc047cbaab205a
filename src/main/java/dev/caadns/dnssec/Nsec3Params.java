package dev.caadns.dnssec;

/**
 * How a zone's NSEC3 records are made ({@code dnssec.nsec3-*}): SHA-1 (the only hash RFC 5155
 * defines), this many extra iterations and a random salt of this length, opt-out never set.
 * RFC 9276 §3.1 asks for 0 and 0: more only costs validators and servers, and hides nothing.
 */
public record Nsec3Params(int iterations, int saltLength) {
}
