package com.mediahub.platform.rest;

import java.lang.reflect.Method;

/**
 * One JAX-RS resource method: its HTTP method and its path inside the application, e.g.
 * {@code DELETE /api/users/{id}}. Read from the resource's annotations (see {@link Routes}).
 * The template is split once, here: matching runs on every request.
 */
public final class Route {

    private final String httpMethod;
    private final String template;
    private final Method resourceMethod;
    /** The template's segments, e.g. {@code [api, users, {id}]}. */
    private final String[] segments;
    private final int parameterCount;

    /** @param template the path with {@code {name}} for each path parameter, no trailing slash */
    Route(String httpMethod, String template, Method resourceMethod) {
        this.httpMethod = httpMethod;
        this.template = template;
        this.resourceMethod = resourceMethod;
        this.segments = template.substring(1).split("/");
        int parameters = 0;
        for (String segment : segments) {
            parameters += isParameter(segment) ? 1 : 0;
        }
        this.parameterCount = parameters;
    }

    public String httpMethod() {
        return httpMethod;
    }

    public String template() {
        return template;
    }

    public Method resourceMethod() {
        return resourceMethod;
    }

    /** Literal segments, then parameters: the order JAX-RS prefers when two templates match. */
    int parameterCount() {
        return parameterCount;
    }

    /** Whether {@code path} (split at '/', without the leading one) fits this template. */
    boolean matches(String[] pathSegments) {
        if (segments.length != pathSegments.length) {
            return false;
        }
        for (int i = 0; i < pathSegments.length; i++) {
            if (isParameter(segments[i]) ? pathSegments[i].isEmpty() : !segments[i].equals(pathSegments[i])) {
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
