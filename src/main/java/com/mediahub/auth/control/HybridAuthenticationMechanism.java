package com.mediahub.auth.control;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.mediahub.platform.error.DatabaseFailures;
import com.mediahub.config.OperationsSettings;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.platform.error.JsonErrorPageServlet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The one authentication mechanism (contract section 1): Bearer access tokens are checked by
 * {@link AccessTokenService} and the cached token version ({@link TokenVersionCache}), with no
 * database work per request; Basic credentials pass the brute-force throttle, then the
 * {@link IdentityStoreHandler} and {@link JpaIdentityStore}. Stateless: it runs on every request
 * and creates no HTTP session.
 *
 * <p>Failures set {@code WWW-Authenticate} and leave the catalogue entry in a request
 * attribute; the JSON body is rendered by the error page ({@link JsonErrorPageServlet}), so
 * the response is committed once, by the container.
 */
@ApplicationScoped
public class HybridAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(HybridAuthenticationMechanism.class.getName());

    @Inject
    IdentityStoreHandler identityStores;
    @Inject
    AccessTokenService accessTokens;
    @Inject
    TokenVersionCache tokenVersions;
    @Inject
    LoginThrottle throttle;
    @Inject
    SecurityAudit audit;
    @Inject
    BasicCredentialCache basicCache;
    @Inject
    SessionCookies cookies;
    @Inject
    OperationsSettings operations;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        EndpointAccess access = EndpointAccess.of(path);
        if (access == EndpointAccess.PUBLIC) {
            return context.doNothing();
        }
        String header = request.getHeader("Authorization");
        boolean noHeader = header == null || header.isEmpty();
        if (access == EndpointAccess.BASIC_ONLY && noHeader) {
            return JsonLoginBody.isJson(request) ? jsonLogin(request, response, context)
                    : fail(request, context, ErrorCatalogue.AUTHENTICATION_FAILED);
        }
        if (noHeader && operations.registrationOpen()
                && EndpointAccess.isSelfRegistration(request.getMethod(), path)
                && cookies.value(request, cookies.accessName(request.getContextPath())).isEmpty()
                && cookies.value(request, cookies.csrfName(request.getContextPath())).isEmpty()) {
            // (No cookie session either: a signed-in browser whose access cookie just expired must get
            // its 401 and refresh, not be turned into an anonymous sign-up.)
            return context.doNothing(); // an anonymous sign-up: UsersResource.create registers a user
        }
        if (noHeader) {
            // Third credential source (after the header): the access-token cookie of cookie mode.
            Optional<String> cookieToken = cookies.value(request, cookies.accessName(request.getContextPath()));
            if (cookieToken.isPresent()) {
                try {
                    return cookie(request, response, context, cookieToken.get());
                } catch (RuntimeException e) {
                    return unavailable(request, response, e);
                }
            }
        }
        try {
            AuthorizationHeader parsed = AuthorizationHeader.parse(header);
            if (parsed instanceof AuthorizationHeader.Basic basic) {
                if (access == EndpointAccess.PROTECTED && FormRequests.isForm(request)) {
                    // Browsers attach remembered Basic credentials even to a cross-site form post;
                    // no endpoint takes a form, so refuse it before anything is checked or changed.
                    return sendError(request, response, ErrorCatalogue.UNSUPPORTED_MEDIA_TYPE);
                }
                return basic(request, response, context, basic);
            }
            if (access == EndpointAccess.BASIC_ONLY) {
                return fail(request, context, ErrorCatalogue.AUTHENTICATION_FAILED);
            }
            if (parsed instanceof AuthorizationHeader.Bearer bearer) {
                return bearer(request, context, bearer);
            }
            return fail(request, context, ((AuthorizationHeader.Invalid) parsed).error());
        } catch (RuntimeException e) {
            return unavailable(request, response, e);
        }
    }

    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context, AuthorizationHeader.Basic basic) {
        String address = request.getRemoteAddr();
        String cacheKey = basicCache.enabled() ? basicCache.keyOf(basic.username(), basic.password()) : null;
        if (cacheKey != null) {
            Optional<BasicCredentialCache.Entry> hit = basicCache.find(cacheKey);
            if (hit.isPresent() && tokenVersions.accepts(hit.get().caller().id(), hit.get().tokenVersion())) {
                if (!basicCache.throttleCheckDue(hit.get())) {
                    return login(request, context, hit.get().caller());
                }
                if (!throttle.check(basic.username(), address).blocked()) {
                    basicCache.throttleChecked(cacheKey, hit.get());
                    return login(request, context, hit.get().caller());
                }
            }
            basicCache.forget(cacheKey);
        }
        LoginThrottle.Verdict verdict = throttle.check(basic.username(), address);
        if (verdict.blocked()) {
            basicCache.forgetUser(basic.username());
            audit.record("login.throttled", null, null);
            request.setAttribute(JsonErrorPageServlet.RETRY_AFTER_ATTRIBUTE, verdict.retryAfter().get().toSeconds() + 1);
            return sendError(request, response, ErrorCatalogue.TOO_MANY_ATTEMPTS);
        }
        CredentialValidationResult result = identityStores.validate(
                new UsernamePasswordCredential(basic.username(), basic.password()));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(basic.username(), address);
            basicCache.forgetUser(basic.username());
            audit.record("login.failed", null, null);
            return fail(request, context, ErrorCatalogue.AUTHENTICATION_FAILED);
        }
        throttle.succeeded(basic.username(), verdict);
        CallerIdentity caller = new CallerIdentity(Long.parseLong(result.getCallerUniqueId()),
                result.getCallerPrincipal().getName(), result.getCallerGroups());
        if (cacheKey != null) {
            tokenVersions.current(caller.id()).ifPresent(version -> basicCache.remember(cacheKey, caller, version));
        }
        return login(request, context, caller);
    }

    /** {@code POST /api/token} with a JSON body: the Basic path with the body's credentials. */
    private AuthenticationStatus jsonLogin(HttpServletRequest request, HttpServletResponse response,
                                           HttpMessageContext context) {
        Optional<AuthorizationHeader.Basic> credentials;
        try {
            credentials = JsonLoginBody.read(request);
        } catch (ApiException malformed) {
            return sendError(request, response, malformed.error());
        } catch (java.io.IOException clientGone) {
            return fail(request, context, ErrorCatalogue.AUTHENTICATION_FAILED);
        }
        if (credentials.isEmpty()) {
            return fail(request, context, ErrorCatalogue.AUTHENTICATION_FAILED);
        }
        try {
            return basic(request, response, context, credentials.get());
        } catch (RuntimeException e) {
            return unavailable(request, response, e);
        }
    }

    /** Cookie-authenticated requests that change state must prove they come from our page (CSRF). */
    private AuthenticationStatus cookie(HttpServletRequest request, HttpServletResponse response,
                                        HttpMessageContext context, String token) {
        AuthenticationStatus status = bearer(request, context, new AuthorizationHeader.Bearer(token));
        if (status == AuthenticationStatus.SUCCESS && SessionCookies.isStateChanging(request.getMethod())
                && !cookies.csrfValid(request)) {
            request.removeAttribute(CurrentCaller.ATTRIBUTE);
            return sendError(request, response, ErrorCatalogue.CSRF_INVALID);
        }
        return status;
    }

    private AuthenticationStatus bearer(HttpServletRequest request, HttpMessageContext context,
                                        AuthorizationHeader.Bearer bearer) {
        try {
            VerifiedAccessToken token = accessTokens.verify(bearer.token());
            if (!tokenVersions.accepts(token.caller().id(), token.tokenVersion())) {
                return fail(request, context, ErrorCatalogue.TOKEN_INVALID);
            }
            return login(request, context, token.caller());
        } catch (TokenRejectedException rejected) {
            return fail(request, context, rejected.error());
        }
    }

    private static AuthenticationStatus login(HttpServletRequest request, HttpMessageContext context,
                                              CallerIdentity caller) {
        request.setAttribute(CurrentCaller.ATTRIBUTE, caller);
        return context.notifyContainerAboutLogin(caller.username(), caller.roles());
    }

    private static AuthenticationStatus fail(HttpServletRequest request, HttpMessageContext context,
                                             ErrorCatalogue error) {
        boolean fromScript = "XMLHttpRequest".equals(request.getHeader("X-Requested-With"));
        context.getResponse().setHeader("WWW-Authenticate", Challenges.forError(error, fromScript));
        request.setAttribute(JsonErrorPageServlet.ERROR_ATTRIBUTE, error);
        return context.responseUnauthorized();
    }

    /** The database could not be asked (throttle, Basic, or the token version): 503, not 500. */
    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response,
                                                    RuntimeException failure) {
        ErrorCatalogue error = DatabaseFailures.isUnavailable(failure)
                ? ErrorCatalogue.SERVICE_UNAVAILABLE : ErrorCatalogue.INTERNAL_ERROR;
        LOG.log(error == ErrorCatalogue.SERVICE_UNAVAILABLE ? Level.WARNING : Level.SEVERE,
                "Authentication could not be completed", failure);
        return sendError(request, response, error);
    }

    /** A failure that is not a 401 challenge: the error page renders {@code error} as the JSON body. */
    private static AuthenticationStatus sendError(HttpServletRequest request, HttpServletResponse response,
                                                  ErrorCatalogue error) {
        request.setAttribute(JsonErrorPageServlet.ERROR_ATTRIBUTE, error);
        try {
            response.sendError(error.status());
        } catch (java.io.IOException e) {
            LOG.log(Level.FINE, "Client went away", e);
        }
        return AuthenticationStatus.SEND_FAILURE;
    }
}
