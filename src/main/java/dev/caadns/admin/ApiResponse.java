package dev.caadns.admin;

import java.nio.charset.StandardCharsets;

/** What an endpoint answers: a status and a body (empty for the challtestsrv endpoints, as there). */
record ApiResponse(int status, String contentType, byte[] body) {
    static final String JSON = "application/json; charset=utf-8";

    static ApiResponse ok() {
        return new ApiResponse(200, "text/plain; charset=utf-8", new byte[0]);
    }

    static ApiResponse noContent() {
        return new ApiResponse(204, "text/plain; charset=utf-8", new byte[0]);
    }

    static ApiResponse json(int status, String body) {
        return new ApiResponse(status, JSON, body.getBytes(StandardCharsets.UTF_8));
    }
}
