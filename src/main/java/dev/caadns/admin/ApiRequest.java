package dev.caadns.admin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One API request: path variables, query parameters and a JSON body read strictly. */
final class ApiRequest {
    private final Map<String, String> pathVariables;
    private final Map<String, List<String>> parameters;
    private final byte[] body;
    private final ObjectMapper json;

    ApiRequest(Map<String, String> pathVariables, Map<String, List<String>> parameters, byte[] body,
               ObjectMapper json) {
        this.pathVariables = pathVariables;
        this.parameters = parameters;
        this.body = body;
        this.json = json;
    }

    String variable(String name) {
        return pathVariables.get(name);
    }

    Optional<String> parameter(String name) {
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** The body as type; a missing body, bad JSON, an unknown field or a wrong type is a 400. */
    <T> T body(Class<T> type) {
        if (body.length == 0) {
            throw ApiException.badRequest("expected a JSON body, got none");
        }
        try {
            T value = json.readValue(body, type);
            if (value == null) {
                throw ApiException.badRequest("expected a JSON object, got null");
            }
            return value;
        } catch (JacksonException e) {
            throw ApiException.badRequest("bad JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the body: " + e.getMessage());
        }
    }
}
