package com.mediahub.platform.rest;

import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

/**
 * One JAX-RS resource method: its HTTP method and its path inside the application, e.g.
 * {@code DELETE /api/users/{id}}. Read from the resource's annotations (see {@link Routes}).
 *
 * @param template the path with {@code {name}} for each path parameter, no trailing slash
 */
public record Route(String httpMethod, String template, Method resourceMethod) {

    /** The template's segments, e.g. {@code [api, users, {id}]}. */
    List<String> segments() {
        return Arrays.asList(template.substring(1).split("/"));
    }

    /** Literal segments, then parameters: the order JAX-RS prefers when two templates match. */
    int parameterCount() {
        return (int) segments().stream().filter(Route::isParameter).count();
    }

    /** Whether {@code path} (split at '/', without the leading one) fits this template. */
    boolean matches(String[] pathSegments) {
        List<String> segments = segments();
        if (segments.size() != pathSegments.length) {
            return false;
        }
        for (int i = 0; i < pathSegments.length; i++) {
            String segment = segments.get(i);
            if (isParameter(segment) ? pathSegments[i].isEmpty() : !segment.equals(pathSegments[i])) {
                return false;
            }
        }
        return true;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    @Override
    public String toString() {
        return httpMethod + " " + template;
    }
}
