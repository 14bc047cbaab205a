package dev.caadns.admin;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** One API request: path variables, query parameters and a JSON body read strictly. */
final class ApiRequest {
    private static final Pattern TOKEN = Pattern.compile("JsonToken\\.([A-Z_]+)");
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
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown field \"" + e.getPropertyName() + "\"" + known(e));
        } catch (MismatchedInputException e) {
            throw ApiException.badRequest(mismatch(e));
        } catch (JacksonException e) {
            throw ApiException.badRequest("bad JSON body: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("cannot read the body: " + e.getMessage());
        }
    }

    /** {@code (expected: host, addresses)}: the fields there are, never the class that has them. */
    private static String known(UnrecognizedPropertyException e) {
        if (e.getKnownPropertyIds() == null || e.getKnownPropertyIds().isEmpty()) {
            return "";
        }
        return e.getKnownPropertyIds().stream().map(String::valueOf)
                .collect(Collectors.joining(", ", " (expected: ", ")"));
    }

    /** {@code field "addresses": expected a list, got a string}, in JSON's words rather than Java's. */
    private static String mismatch(MismatchedInputException e) {
        String field = e.getPath().stream().map(JsonMappingException.Reference::getFieldName)
                .filter(Objects::nonNull).reduce((first, second) -> second).orElse(null);
        // the token is in Jackson's own words only ("token `JsonToken.VALUE_STRING`")
        String original = String.valueOf(e.getOriginalMessage());
        Matcher token = TOKEN.matcher(original);
        String got = token.find() ? ", got " + kind(JsonToken.valueOf(token.group(1)))
                : original.contains("from String value") ? ", got a string" : "";
        String expected = "expected " + kind(e.getTargetType()) + got;
        return field == null ? "bad JSON body: " + expected : "field \"" + field + "\": " + expected;
    }

    private static String kind(Class<?> type) {
        if (type == null) {
            return "another value";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "a string";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "an object";
    }

    private static String kind(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "a list";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> "an object";
        };
    }
}
