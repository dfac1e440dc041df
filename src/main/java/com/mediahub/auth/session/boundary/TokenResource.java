package com.mediahub.auth.session.boundary;

import java.util.Optional;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.auth.cookie.SessionCookies;
import com.mediahub.auth.session.control.RotationOutcome;
import com.mediahub.auth.session.control.TokenService;
import com.mediahub.auth.token.control.TokenPair;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.platform.error.ErrorResponses;
import com.mediahub.platform.json.Jsons;
import com.mediahub.platform.rest.JsonBodies;
import com.mediahub.platform.rest.TimedEndpoint;
import com.mediahub.security.CurrentCaller;
import com.mediahub.security.AccountSecurity;
import com.mediahub.security.PasswordOnly;
import com.mediahub.security.Role;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Token endpoints (contract 3.1 to 3.3). {@code /token} is reached only with valid Basic
 * credentials (the mechanism answers everything else), {@code /token/refresh} is public, and
 * {@code /logout} takes either scheme.
 */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    TokenService tokens;
    @Inject
    CurrentCaller caller;
    @Inject
    SessionCookies cookies;
    @Inject
    SecurityAudit audit;
    @Inject
    HttpServletRequest request;

    static final String COOKIE_DELIVERY = "cookie";

    @POST
    @Path("token")
    @PasswordOnly
    @RolesAllowed({Role.USER, Role.ADMIN})
    @TimedEndpoint("token")
    public Response issue(@HeaderParam("User-Agent") String userAgent, @QueryParam("delivery") String delivery) {
        TokenPair pair = tokens.issue(caller.get(), userAgent);
        return COOKIE_DELIVERY.equals(delivery) ? cookieResponse(pair) : tokenResponse(pair);
    }

    /**
     * The refresh token comes from the body, or (cookie mode) from the refresh cookie, which then
     * needs the CSRF header like every cookie-authenticated change.
     */
    @POST
    @Path("token/refresh")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @TimedEndpoint("refresh")
    public Response refresh(String body, @HeaderParam("User-Agent") String userAgent, @QueryParam("delivery") String delivery) {
        Optional<String> fromBody = optionalRefreshTokenOf(body);
        String token = fromBody.orElseGet(this::refreshTokenFromCookie);
        RotationOutcome outcome = tokens.rotate(token, userAgent);
        if (outcome instanceof RotationOutcome.Rotated rotated) {
            return COOKIE_DELIVERY.equals(delivery) || fromBody.isEmpty()
                    ? cookieResponse(rotated.pair()) : tokenResponse(rotated.pair());
        }
        RotationOutcome.Reason reason = ((RotationOutcome.Refused) outcome).reason();
        if (reason == RotationOutcome.Reason.UNKNOWN) {
            audit.record(AuditEvent.REFRESH_REJECTED, null, null);
        }
        if (fromBody.isEmpty() && reason != RotationOutcome.Reason.REPLAY_WITHIN_GRACE) {
            // A cookie session that is over: clear its cookies, so the browser stops presenting a dead
            // token (a revoked one would log a reuse alarm at every page load). Not within the grace
            // window: there another tab's refresh just won, and its fresh cookies must stay.
            Response.ResponseBuilder refused = Response.fromResponse(ErrorResponses.of(ErrorCatalogue.REFRESH_TOKEN_INVALID));
            cookies.clear(request.getContextPath()).forEach(c -> refused.header("Set-Cookie", c));
            return refused.build();
        }
        throw new ApiException(ErrorCatalogue.REFRESH_TOKEN_INVALID);
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.USER, Role.ADMIN})
    @AccountSecurity // an app password has no session to end
    @TimedEndpoint("logout")
    public Response logout(String body) {
        Optional<String> fromBody = optionalRefreshTokenOf(body);
        if (cookies.isCookieAuthenticated(request) && caller.get().session().isPresent()) {
            // Cookie mode: the access cookie's session id names the session (the mechanism has
            // checked the CSRF header). The refresh cookie is not sent here any more, and one left
            // at the old, wider path by an earlier release may hold a token already rotated.
            tokens.revokeSession(caller.get(), caller.get().session().get());
            fromBody.ifPresent(token -> tokens.revoke(caller.get(), token));
        } else {
            tokens.revoke(caller.get(), fromBody.orElseGet(this::refreshTokenFromCookie));
        }
        Response.ResponseBuilder response = Response.ok(Jsons.PROVIDER.createObjectBuilder()
                .add("message", "Logged out successfully.").build()).header("Cache-Control", "no-store");
        cookies.clear(request.getContextPath()).forEach(c -> response.header("Set-Cookie", c));
        return response.build();
    }

    private String refreshTokenFromCookie() {
        Optional<String> cookie = cookies.value(request, cookies.refreshName());
        if (cookie.isEmpty()) {
            throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
        }
        if (!cookies.csrfValid(request)) {
            throw new ApiException(ErrorCatalogue.CSRF_INVALID);
        }
        return cookie.get();
    }

    /**
     * Contract 3.2/3.3: a malformed body, or a field of the wrong type, is 400 {@code Invalid
     * request body}; an empty body or object means "no token in the body" (cookie mode).
     */
    private static Optional<String> optionalRefreshTokenOf(String body) {
        if (body == null || body.isBlank()) {
            return Optional.empty();
        }
        try {
            Optional<String> token = JsonBodies.optionalString(JsonBodies.object(body), "refresh_token");
            if (token.isPresent() && token.get().isEmpty()) {
                throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
            }
            return token;
        } catch (ApiException e) {
            throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
        }
    }

    /** Cookie mode: the tokens travel only in cookies; the body says how long they last. */
    private Response cookieResponse(TokenPair pair) {
        JsonObject json = Jsons.PROVIDER.createObjectBuilder()
                .add("token_type", "Bearer")
                .add("expires_in", pair.accessLifetime().toSeconds())
                .add("refresh_expires_in", pair.refreshLifetime().toSeconds())
                .build();
        Response.ResponseBuilder response = Response.ok(json).header("Cache-Control", "no-store").header("Pragma", "no-cache");
        cookies.issue(pair, request.getContextPath()).forEach(c -> response.header("Set-Cookie", c));
        return response.build();
    }

    private static Response tokenResponse(TokenPair pair) {
        JsonObject json = Jsons.PROVIDER.createObjectBuilder()
                .add("access_token", pair.accessToken())
                .add("refresh_token", pair.refreshToken())
                .add("token_type", "Bearer")
                .add("expires_in", pair.accessLifetime().toSeconds())
                .add("refresh_expires_in", pair.refreshLifetime().toSeconds())
                .build();
        return Response.ok(json).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }
}
