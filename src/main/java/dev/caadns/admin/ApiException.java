package dev.caadns.admin;

/** A request the API refuses, with the HTTP status and the words for the client (never a stack trace). */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final transient Object details;

    ApiException(int status, String message) {
        this(status, message, null);
    }

    /** @param details more for the client, e.g. the findings that rejected a change; null for none */
    ApiException(int status, String message, Object details) {
        super(message, null, false, false);
        this.status = status;
        this.details = details;
    }

    int status() {
        return status;
    }

    Object details() {
        return details;
    }

    static ApiException badRequest(String message) {
        return new ApiException(400, message);
    }

    static ApiException notFound(String message) {
        return new ApiException(404, message);
    }
}
