package com.mediahub.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Gives resources the caller that the authentication mechanism authenticated. The
 * mechanism leaves the identity in a request attribute: that works the same on every server,
 * where custom principal types do not. Application-scoped like the resources: it keeps no state
 * of its own, and the injected request is the container's proxy for the current request.
 */
@ApplicationScoped
public class CurrentCaller {

    public static final String ATTRIBUTE = CallerIdentity.class.getName();

    @Inject
    HttpServletRequest request;

    /** The caller, or empty for an unauthenticated request (only public endpoints see one). */
    public java.util.Optional<CallerIdentity> find() {
        return request.getAttribute(ATTRIBUTE) instanceof CallerIdentity caller
                ? java.util.Optional.of(caller) : java.util.Optional.empty();
    }

    public CallerIdentity get() {
        if (request.getAttribute(ATTRIBUTE) instanceof CallerIdentity caller) {
            return caller;
        }
        // Only reachable if a protected resource were mapped to a public path, a bug: fail closed (500).
        throw new IllegalStateException("No authenticated caller for a resource that needs one");
    }
}
