package com.mediahub.auth.mechanism;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.mediahub.audit.AuditEvent;
import com.mediahub.auth.apppassword.control.AppPasswordCaller;
import com.mediahub.auth.apppassword.control.AppPasswordCheck;
import com.mediahub.auth.apppassword.control.AppPasswordFormat;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.auth.cookie.SessionCookies;
import com.mediahub.auth.mfa.control.SecondFactorSignIn;
import com.mediahub.auth.password.control.BasicCredentialCache;
import com.mediahub.auth.password.control.LoginThrottle;
import com.mediahub.auth.token.control.AccessTokenService;
import com.mediahub.auth.token.control.TokenRejectedException;
import com.mediahub.auth.token.control.TokenVersionCache;
import com.mediahub.auth.token.control.VerifiedAccessToken;
import com.mediahub.config.OperationsSettings;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.DatabaseFailures;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.platform.error.FaultSummary;
import com.mediahub.platform.error.JsonErrorPageServlet;
import com.mediahub.platform.rest.DeployedRoutes;
import com.mediahub.security.BasicAuthenticated;
import com.mediahub.security.CallerIdentity;
import com.mediahub.security.CurrentCaller;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
 * {@link IdentityStoreHandler} and the JPA identity store. Stateless: it runs on every request
 * and creates no HTTP session.
 *
 * <p>Failures set {@code WWW-Authenticate} and leave the catalogue entry in a request
 * attribute; the JSON body is rendered by the error page ({@link JsonErrorPageServlet}), so
 * the response is committed once, by the container.
 */
@ApplicationScoped
public class HybridAuthenticationMechanism implements HttpAuthenticationMechanism {

    private static final Logger LOG = Logger.getLogger(HybridAuthenticationMechanism.class.getName());
    /** Where a second factor's code travels next to a Basic header (the JSON login body has {@code otp}). */
    static final String OTP_HEADER = "X-OTP";
    /** What a read-only app password may do. */
    private static final java.util.Set<String> READ_METHODS = java.util.Set.of("GET", "HEAD");

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
    @Inject
    DeployedRoutes routes;
    @Inject
    SecondFactorSignIn secondFactors;
    @Inject
    AppPasswordCheck appPasswords;
    @Inject
    Event<BasicAuthenticated> basicAuthenticated;

    private AccessRules accessRules;

    @PostConstruct
    void readAccessRules() {
        accessRules = AccessRules.of(routes.get());
    }

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        String rawPath = request.getRequestURI().substring(request.getContextPath().length());
        String path = routedPath(request, rawPath);
        Optional<ErrorCatalogue> refused = RequestScreen.refusal(request, rawPath, path);
        if (refused.isPresent()) {
            return sendError(request, response, refused.get());
        }
        EndpointAccess access = accessRules.of(request.getMethod(), path);
        if (access == EndpointAccess.PUBLIC) {
            return context.doNothing();
        }
        String header = request.getHeader("Authorization");
        boolean noHeader = header == null || header.isEmpty();
        if (access == EndpointAccess.BASIC_ONLY && noHeader) {
            return JsonLoginBody.isJson(request) ? jsonLogin(request, response, context, path)
                    : fail(request, context, ErrorCatalogue.AUTHENTICATION_FAILED);
        }
        if (noHeader && operations.registrationOpen()
                && accessRules.isSelfRegistration(request.getMethod(), path)
                && cookies.value(request, cookies.accessName(request.getContextPath())).isEmpty()
                && cookies.value(request, cookies.csrfName(request.getContextPath())).isEmpty()) {
            // (No cookie session either: a signed-in browser whose access cookie just expired must get
            // its 401 and refresh, not be turned into an anonymous sign-up.)
            return context.doNothing(); // an anonymous sign-up: UsersResource.create registers a user
        }
        if (noHeader && access == EndpointAccess.PROTECTED) {
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
                if (CrossSiteRequests.isCrossSite(request)) {
                    // Browsers attach remembered Basic credentials to requests that another site's
                    // page makes; refuse before anything is checked or changed.
                    return sendError(request, response, ErrorCatalogue.CROSS_SITE_BASIC);
                }
                return basic(request, response, context, basic, access, path, request.getHeader(OTP_HEADER));
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

    /**
     * The path the container routes: decoded, dot segments resolved, path parameters removed.
     * Access is decided on this path, never on the raw one (security review item 1:
     * {@code /api/token;x} reached the token endpoint while being read as another path).
     */
    private static String routedPath(HttpServletRequest request, String rawPath) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        if ((servletPath == null || servletPath.isEmpty()) && pathInfo == null) {
            return rawPath;
        }
        return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
    }

    /**
     * @param access whether this is the token endpoint ({@link EndpointAccess#BASIC_ONLY}), the only
     *               place a second factor is taken
     * @param path   the routed path, which decides where app passwords are refused
     * @param otp    the second factor's code as sent with the credentials, or null
     */
    private AuthenticationStatus basic(HttpServletRequest request, HttpServletResponse response,
                                       HttpMessageContext context, AuthorizationHeader.Basic basic,
                                       EndpointAccess access, String path, String otp) {
        boolean appPasswordShaped = AppPasswordFormat.isWellFormed(basic.password());
        if (appPasswordShaped) {
            Optional<AppPasswordCaller> appPassword = appPasswords.verify(basic.username(), basic.password());
            if (appPassword.isPresent()) {
                return appPassword(request, response, context, appPassword.get(), access, path);
            }
            // No app password of this user: from here on it is checked as a password (which it may
            // be), so it costs the same bcrypt, gets the same 401 and counts in the throttle
            // exactly as a wrong password does. The prefix tells a guesser nothing.
        }
        String address = request.getRemoteAddr();
        String cacheKey = basicCache.enabled() ? basicCache.keyOf(basic.username(), basic.password()) : null;
        if (cacheKey != null) {
            Optional<BasicCredentialCache.Entry> hit = basicCache.find(cacheKey);
            if (hit.isPresent() && tokenVersions.accepts(hit.get().caller().id(), hit.get().tokenVersion())
                    && !(access == EndpointAccess.BASIC_ONLY && secondFactors.required(hit.get().caller().id()))) {
                // (At the token endpoint, where a session is made, the second factor is asked for
                // again even on a hit: the cache's own guard is the token version, which other
                // instances learn only within user_cache_seconds.)
                if (!basicCache.throttleCheckDue(hit.get())) {
                    return passwordLogin(request, context, hit.get().caller(), access);
                }
                LoginThrottle.Attempt attempt = throttle.reserve(basic.username(), address);
                if (!attempt.blocked()) {
                    // This trip to the database is made anyway: it also asks whether a second factor
                    // was turned on (on another instance) since the success was remembered.
                    if (whileCounted(attempt, () -> secondFactors.required(hit.get().caller().id()))) {
                        throttle.abandoned(attempt);
                    } else {
                        throttle.succeeded(attempt); // a remembered success of this very password
                        basicCache.throttleChecked(cacheKey, hit.get());
                        return passwordLogin(request, context, hit.get().caller(), access);
                    }
                }
            }
            basicCache.forget(cacheKey);
        }
        LoginThrottle.Attempt attempt = throttle.reserve(basic.username(), address);
        if (attempt.blocked()) {
            return throttled(request, response, basic, attempt);
        }
        CredentialValidationResult result = whileCounted(attempt,
                () -> identityStores.validate(new UsernamePasswordCredential(basic.username(), basic.password())));
        if (result.getStatus() != CredentialValidationResult.Status.VALID) {
            throttle.failed(attempt);
            basicCache.forgetUser(basic.username());
            audit.record(appPasswordShaped ? AuditEvent.LOGIN_APP_PASSWORD_FAILED : AuditEvent.LOGIN_FAILED, null, null);
            return fail(request, context, ErrorCatalogue.AUTHENTICATION_FAILED);
        }
        CallerIdentity caller = whileCounted(attempt, () -> CallerIdentity.byPassword(Long.parseLong(result.getCallerUniqueId()),
                result.getCallerPrincipal().getName(), result.getCallerGroups()));
        // The version is read BEFORE the second factor is asked about: were TOTP turned on between
        // the two reads, an entry remembered now would carry the old version and die with it.
        Optional<Integer> version = cacheKey == null ? Optional.empty()
                : whileCounted(attempt, () -> tokenVersions.current(caller.id()));
        if (whileCounted(attempt, () -> secondFactors.required(caller.id()))) {
            // The password's check counts as nothing: only with the code does the network become
            // one the user signs in from (which lifts the per-user ceiling for it). Otherwise a
            // thief with the password would get a fresh allowance of code guesses on every network.
            throttle.abandoned(attempt);
            // Never remembered by the Basic cache: every request of such a user comes here.
            return secondFactor(request, response, context, basic, caller, access == EndpointAccess.BASIC_ONLY, otp);
        }
        throttle.succeeded(attempt);
        version.ifPresent(current -> basicCache.remember(cacheKey, caller, current));
        return passwordLogin(request, context, caller, access);
    }

    /** The account password let the caller in: counted by kind when it is Basic on a resource endpoint. */
    private AuthenticationStatus passwordLogin(HttpServletRequest request, HttpMessageContext context,
                                               CallerIdentity caller, EndpointAccess access) {
        if (access == EndpointAccess.PROTECTED) {
            basicAuthenticated.fire(new BasicAuthenticated(CallerIdentity.Credential.PASSWORD));
        }
        return login(request, context, caller);
    }

    /**
     * An app password of this user (ADR 0024). It never makes a session (the token endpoint), never
     * changes how the account is protected ({@code @AccountSecurity}), and a read-only one only
     * reads: each a 403 that says why. A second factor is not asked for: that is the point of it.
     */
    private AuthenticationStatus appPassword(HttpServletRequest request, HttpServletResponse response,
                                             HttpMessageContext context, AppPasswordCaller found,
                                             EndpointAccess access, String path) {
        if (access == EndpointAccess.BASIC_ONLY) {
            return sendError(request, response, ErrorCatalogue.APP_PASSWORD_NO_SESSIONS);
        }
        if (accessRules.isAccountSecurity(request.getMethod(), path)) {
            return sendError(request, response, ErrorCatalogue.APP_PASSWORD_ACCOUNT_SECURITY);
        }
        if (found.readOnly() && !READ_METHODS.contains(request.getMethod())) {
            return sendError(request, response, ErrorCatalogue.APP_PASSWORD_READ_ONLY);
        }
        basicAuthenticated.fire(new BasicAuthenticated(CallerIdentity.Credential.APP_PASSWORD));
        return login(request, context, found.caller());
    }

    /** Runs one step of a counted password check; whatever it throws ends the attempt as abandoned. */
    private <T> T whileCounted(LoginThrottle.Attempt attempt, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (RuntimeException e) {
            throttle.abandoned(attempt);
            throw e;
        }
    }

    /**
     * The password was right and the user has a second factor on. Resource endpoints refuse
     * password Basic for them: a code that changes every 30 seconds cannot ride on every request
     * (they use tokens). The token endpoint takes a TOTP or recovery code from
     * the JSON body's {@code otp} or the {@code X-OTP} header. No code: 401 {@code Second factor
     * required}, not a failure (the client now asks for it). A wrong code counts in the login
     * throttle like a wrong password.
     */
    private AuthenticationStatus secondFactor(HttpServletRequest request, HttpServletResponse response,
                                              HttpMessageContext context, AuthorizationHeader.Basic basic,
                                              CallerIdentity caller, boolean tokenEndpoint, String otp) {
        if (!tokenEndpoint || otp == null || otp.isBlank()) {
            return fail(request, context, ErrorCatalogue.SECOND_FACTOR_REQUIRED);
        }
        LoginThrottle.Attempt attempt = throttle.reserveSecondFactor(basic.username(), request.getRemoteAddr());
        if (attempt.blocked()) {
            return throttled(request, response, basic, attempt);
        }
        if (!throttle.check(attempt, () -> secondFactors.verify(caller.id(), otp), Boolean::booleanValue)) {
            audit.record(AuditEvent.LOGIN_SECOND_FACTOR_FAILED, caller.id(), null);
            return fail(request, context, ErrorCatalogue.SECOND_FACTOR_INVALID);
        }
        return login(request, context, caller.withSecondFactor());
    }

    private AuthenticationStatus throttled(HttpServletRequest request, HttpServletResponse response,
                                           AuthorizationHeader.Basic basic, LoginThrottle.Attempt attempt) {
        basicCache.forgetUser(basic.username());
        audit.record(AuditEvent.LOGIN_THROTTLED, null, null);
        request.setAttribute(JsonErrorPageServlet.RETRY_AFTER_ATTRIBUTE, attempt.retryAfter().get().toSeconds() + 1);
        return sendError(request, response, ErrorCatalogue.TOO_MANY_ATTEMPTS);
    }

    /** {@code POST /api/token} with a JSON body: the Basic path with the body's credentials. */
    private AuthenticationStatus jsonLogin(HttpServletRequest request, HttpServletResponse response,
                                           HttpMessageContext context, String path) {
        Optional<JsonLoginBody.Login> credentials;
        try {
            credentials = JsonLoginBody.read(request);
        } catch (ApiException malformed) {
            return sendError(request, response, malformed.error());
        } catch (java.io.IOException | RuntimeException notReceivedInTime) {
            // The read timeout or the client went away (on WildFly an Undertow race can surface as
            // a NullPointerException from the stream): one line, no trace (review item 7).
            LOG.info("JSON login body not received in time");
            return sendError(request, response, ErrorCatalogue.REQUEST_TIMEOUT);
        }
        if (credentials.isEmpty()) {
            return fail(request, context, ErrorCatalogue.AUTHENTICATION_FAILED);
        }
        try {
            String otp = credentials.get().otp() != null ? credentials.get().otp() : request.getHeader(OTP_HEADER);
            return basic(request, response, context, credentials.get().credentials(), EndpointAccess.BASIC_ONLY, path, otp);
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

    /**
     * The check could not be completed: too many password checks at once (503 with Retry-After),
     * the database could not be asked (503), or a fault (500). One log line without a stack
     * trace, whatever the request did (review item 6: no request may flood the log).
     */
    private static AuthenticationStatus unavailable(HttpServletRequest request, HttpServletResponse response,
                                                    RuntimeException failure) {
        if (failure instanceof ApiException refused) {
            refused.retryAfterSeconds().ifPresent(seconds -> request.setAttribute(JsonErrorPageServlet.RETRY_AFTER_ATTRIBUTE, seconds));
            return sendError(request, response, refused.error());
        }
        ErrorCatalogue error = DatabaseFailures.isUnavailable(failure)
                ? ErrorCatalogue.SERVICE_UNAVAILABLE : ErrorCatalogue.INTERNAL_ERROR;
        LOG.log(error == ErrorCatalogue.SERVICE_UNAVAILABLE ? Level.WARNING : Level.SEVERE,
                "Authentication could not be completed: {0}", FaultSummary.of(failure));
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
