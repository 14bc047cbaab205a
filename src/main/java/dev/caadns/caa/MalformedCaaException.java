package dev.caadns.caa;

/** CAA RDATA that cannot be split into flags, tag and value (RFC 8659 §4.1 wire layout). */
public final class MalformedCaaException extends Exception {
    MalformedCaaException(String message) {
        super(message);
    }
}
