package com.mediahub.platform.rest;

import java.lang.reflect.Method;
import java.util.List;

/**
 * One JAX-RS resource method: its HTTP method and its path inside the application, e.g.
 * {@code DELETE /api/users/{id}}. Read from the resource's annotations (see {@link Routes}).
 * The template is split once, by {@link #of}: matching runs on every request.
 *
 * @param template       the path with {@code {name}} for each path parameter, no trailing slash
 * @param segments       the template's segments, e.g. {@code [api, users, {id}]}
 * @param parameterCount how many segments are parameters: JAX-RS prefers literal segments
 */
public record Route(String httpMethod, String template, Method resourceMethod, List<String> segments, int parameterCount) {

    static Route of(String httpMethod, String template, Method resourceMethod) {
        List<String> segments = List.of(template.substring(1).split("/"));
        int parameters = (int) segments.stream().filter(Route::isParameter).count();
        return new Route(httpMethod, template, resourceMethod, segments, parameters);
    }

    /** Whether {@code path} (split at '/', without the leading one) fits this template. */
    boolean matches(String[] pathSegments) {
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
