package dev.caadns.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** Finds the endpoint for a method and path; {@code {name}} segments become path variables. */
final class Router {
    private record Route(String method, String[] segments, Function<ApiRequest, ApiResponse> endpoint) {
    }

    /** A path matched to its endpoint, or why none: 404 (no such path) or 405 (with the methods there are). */
    record Match(Function<ApiRequest, ApiResponse> endpoint, Map<String, String> variables, Set<String> allowed) {
    }

    private final List<Route> routes = new ArrayList<>();

    Router add(String method, String path, Function<ApiRequest, ApiResponse> endpoint) {
        routes.add(new Route(method, split(path), endpoint));
        return this;
    }

    Match match(String method, String path) {
        String[] segments = split(path);
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Map<String, String> variables = variables(route.segments(), segments);
            if (variables == null) {
                continue;
            }
            if (route.method().equals(method)) {
                return new Match(route.endpoint(), variables, Set.of());
            }
            allowed.add(route.method());
        }
        return new Match(null, Map.of(), allowed);
    }

    private static Map<String, String> variables(String[] pattern, String[] segments) {
        if (pattern.length != segments.length) {
            return null;
        }
        Map<String, String> variables = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            if (pattern[i].startsWith("{") && pattern[i].endsWith("}")) {
                variables.put(pattern[i].substring(1, pattern[i].length() - 1), segments[i]);
            } else if (!pattern[i].equals(segments[i])) {
                return null;
            }
        }
        return variables;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        return trimmed.isEmpty() ? new String[0] : trimmed.split("/", -1);
    }
}
