package com.mediahub.auth.control;

import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Gives resources the caller that {@link HybridAuthenticationMechanism} authenticated. The
 * mechanism leaves the identity in a request attribute: that works the same on every server,
 * where custom principal types do not.
 */
@RequestScoped
public class CurrentCaller {

    static final String ATTRIBUTE = CallerIdentity.class.getName();

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
        // Only reachable if a protected resource were mapped to a public path: fail closed.
        throw new ApiException(ErrorCatalogue.AUTHORIZATION_HEADER_REQUIRED);
    }
}
