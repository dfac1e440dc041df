package com.mediahub.auth.mechanism;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.mediahub.platform.rest.Route;
import com.mediahub.platform.rest.Routes;
import com.mediahub.security.AccountSecurity;
import com.mediahub.security.AnonymousWhenRegistrationOpen;
import com.mediahub.security.PasswordOnly;

import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;

/**
 * Which requests need credentials, read from the resources' own annotations (one source of
 * truth: the annotation that lets the role check through is the one that makes a path public).
 * Method annotations win over class annotations, as in Jakarta Annotations:
 * <ul>
 * <li>{@code @PasswordOnly}: {@link EndpointAccess#BASIC_ONLY};</li>
 * <li>{@code @PermitAll}: {@link EndpointAccess#PUBLIC}, unless the method also says
 *     {@code @AnonymousWhenRegistrationOpen} (then protected, with the sign-up exception);</li>
 * <li>{@code @RolesAllowed}, {@code @DenyAll} or nothing: {@link EndpointAccess#PROTECTED}.</li>
 * </ul>
 * Deny by default: a path under the API that no route fits is protected; a path that fits
 * routes but not with this HTTP method gets what all those routes agree on, else protected.
 */
public final class AccessRules {

    private final Routes routes;
    private final Map<Route, EndpointAccess> access = new HashMap<>();

    private AccessRules(Routes routes) {
        this.routes = routes;
        for (Route route : routes.all()) {
            access.put(route, accessOf(route.resourceMethod()));
        }
    }

    public static AccessRules of(Routes routes) {
        return new AccessRules(routes);
    }

    /** @param path the request path inside the application, e.g. {@code /api/users/me} */
    public EndpointAccess of(String httpMethod, String path) {
        if (!routes.isUnderBase(path)) {
            return EndpointAccess.PUBLIC;
        }
        List<Route> matching = routes.matching(path);
        Set<EndpointAccess> agreed = EnumSet.noneOf(EndpointAccess.class);
        for (Route route : matching) {
            if (route.httpMethod().equals(httpMethod)) {
                return access.get(route);
            }
            agreed.add(access.get(route));
        }
        return agreed.size() == 1 ? agreed.iterator().next() : EndpointAccess.PROTECTED;
    }

    /**
     * Whether this method and path manage an account ({@code @AccountSecurity} on the resource
     * method or its class): app passwords are refused there. HEAD is asked as GET, since JAX-RS
     * answers it with the GET method; a method no route of the path has (OPTIONS) is refused when
     * any route of the path is account security (deny by default).
     */
    public boolean isAccountSecurity(String httpMethod, String path) {
        String asked = "HEAD".equals(httpMethod) ? "GET" : httpMethod;
        boolean anyIs = false;
        for (Route route : routes.matching(path)) {
            boolean is = isAccountSecurity(route.resourceMethod());
            if (route.httpMethod().equals(asked)) {
                return is;
            }
            anyIs |= is;
        }
        return anyIs;
    }

    private static boolean isAccountSecurity(Method method) {
        return method.isAnnotationPresent(AccountSecurity.class) || method.getDeclaringClass().isAnnotationPresent(AccountSecurity.class);
    }

    /** Whether an anonymous caller may reach this method and path when registration is open. */
    public boolean isSelfRegistration(String httpMethod, String path) {
        for (Route route : routes.matching(path)) {
            if (route.httpMethod().equals(httpMethod)) {
                return route.resourceMethod().isAnnotationPresent(AnonymousWhenRegistrationOpen.class);
            }
        }
        return false;
    }

    private static EndpointAccess accessOf(Method method) {
        if (method.isAnnotationPresent(PasswordOnly.class)) {
            return EndpointAccess.BASIC_ONLY;
        }
        AnnotatedElement source = hasSecurityAnnotation(method) ? method : method.getDeclaringClass();
        if (source.isAnnotationPresent(PermitAll.class) && !method.isAnnotationPresent(AnonymousWhenRegistrationOpen.class)) {
            return EndpointAccess.PUBLIC;
        }
        return EndpointAccess.PROTECTED;
    }

    private static boolean hasSecurityAnnotation(AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class) || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }
}
