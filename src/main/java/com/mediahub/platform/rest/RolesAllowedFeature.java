package com.mediahub.platform.rest;

import java.lang.reflect.AnnotatedElement;
import java.util.Arrays;

import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;

import jakarta.annotation.Priority;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.DynamicFeature;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.FeatureContext;
import jakarta.ws.rs.ext.Provider;

/**
 * Enforces {@code @RolesAllowed}/{@code @DenyAll} on resource methods with a JSON 403.
 * JAX-RS runtimes differ here (Jersey enforces the annotations, RESTEasy only when configured,
 * CXF not for CDI resources), so the application enforces them itself, the same way everywhere.
 * Method annotations win over class annotations, as in Jakarta Annotations.
 */
@Provider
public class RolesAllowedFeature implements DynamicFeature {

    @Override
    public void configure(ResourceInfo resourceInfo, FeatureContext context) {
        AnnotatedElement method = resourceInfo.getResourceMethod();
        AnnotatedElement type = resourceInfo.getResourceClass();
        AnnotatedElement source = hasSecurityAnnotation(method) ? method : type;
        if (source.isAnnotationPresent(DenyAll.class)) {
            context.register(new RoleFilter(new String[0]));
        } else if (source.isAnnotationPresent(RolesAllowed.class)) {
            context.register(new RoleFilter(source.getAnnotation(RolesAllowed.class).value()));
        }
    }

    private static boolean hasSecurityAnnotation(AnnotatedElement element) {
        return element.isAnnotationPresent(RolesAllowed.class)
                || element.isAnnotationPresent(PermitAll.class)
                || element.isAnnotationPresent(DenyAll.class);
    }

    /** Runs just before the runtime's own role filter (if any), so the caller gets our sentence. */
    @Priority(Priorities.AUTHORIZATION - 1)
    static final class RoleFilter implements ContainerRequestFilter {

        private final String[] roles;

        RoleFilter(String[] roles) {
            this.roles = roles.clone();
        }

        @Override
        public void filter(ContainerRequestContext request) {
            // Unauthenticated callers never get here: the authentication mechanism answers 401 first.
            boolean allowed = Arrays.stream(roles).anyMatch(role -> request.getSecurityContext().isUserInRole(role));
            if (!allowed) {
                throw roles.length == 0
                        ? new ApiException(ErrorCatalogue.ACCESS_DENIED)
                        : new ApiException(ErrorCatalogue.ROLE_REQUIRED, String.join(" or ", roles));
            }
        }
    }
}
