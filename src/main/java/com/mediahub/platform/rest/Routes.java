package com.mediahub.platform.rest;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;

/**
 * The application's routes, read from the JAX-RS annotations of its resource classes: the one
 * list that the authentication mechanism's access rules, the metrics and the OpenAPI test use.
 * A resource method added with the annotations is in it; there is no second list to update.
 */
public final class Routes {

    private final String base;
    private final List<Route> routes;
    /** The same routes, those with fewer path parameters first (stable), for matching. */
    private final List<Route> literalFirst;

    private Routes(String base, List<Route> routes) {
        this.base = base;
        this.routes = List.copyOf(routes);
        List<Route> ordered = new ArrayList<>(routes);
        ordered.sort(Comparator.comparingInt(Route::parameterCount));
        this.literalFirst = List.copyOf(ordered);
    }

    /** The routes of these classes; classes without {@code @Path} are skipped. */
    public static Routes of(Collection<Class<?>> classes) {
        String base = normalize("/" + MediaHubApplication.class.getAnnotation(ApplicationPath.class).value());
        List<Route> routes = new ArrayList<>();
        for (Class<?> type : classes) {
            Path classPath = type.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : type.getDeclaredMethods()) {
                String http = httpMethod(method);
                if (http != null) {
                    Path methodPath = method.getAnnotation(Path.class);
                    routes.add(Route.of(http, normalize(base + "/" + classPath.value()
                            + (methodPath == null ? "" : "/" + methodPath.value())), method));
                }
            }
        }
        routes.sort(Comparator.comparing(Route::template).thenComparing(Route::httpMethod));
        for (int i = 1; i < routes.size(); i++) {
            if (routes.get(i).toString().equals(routes.get(i - 1).toString())) {
                // Two methods on one route: which one a runtime picks (and whose access applies) is not defined.
                throw new IllegalStateException("Two resource methods for " + routes.get(i) + ": "
                        + routes.get(i - 1).resourceMethod() + " and " + routes.get(i).resourceMethod());
            }
        }
        return new Routes(base, routes);
    }

    private static String normalize(String path) {
        String single = path.replaceAll("/+", "/");
        return single.length() > 1 && single.endsWith("/") ? single.substring(0, single.length() - 1) : single;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    /** Whether a path inside the application is under the {@code @ApplicationPath}, e.g. {@code /api}. */
    public boolean isUnderBase(String path) {
        return path.equals(base) || path.startsWith(base + "/");
    }

    public List<Route> all() {
        return routes;
    }

    /**
     * The routes whose template fits a request path inside the application (e.g.
     * {@code /api/users/5}), those with fewer path parameters first, as JAX-RS chooses.
     */
    public List<Route> matching(String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String[] segments = normalized.startsWith("/") ? normalized.substring(1).split("/", -1) : new String[] {""};
        List<Route> found = new ArrayList<>(2);
        for (Route route : literalFirst) {
            if (route.matches(segments)) {
                found.add(route);
            }
        }
        return found;
    }
}
