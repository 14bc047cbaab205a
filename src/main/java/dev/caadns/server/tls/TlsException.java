package dev.caadns.server.tls;

/** Why no TLS certificate could be had, in words for the operator (the file, and what is wrong with it). */
public final class TlsException extends Exception {
    public TlsException(String message) {
        super(message);
    }

    public TlsException(String message, Throwable cause) {
        super(message, cause);
    }
}
