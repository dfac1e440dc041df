package com.mediahub.auth.boundary;

import com.mediahub.auth.control.CurrentCaller;
import com.mediahub.auth.control.RotationOutcome;
import com.mediahub.auth.control.TokenPair;
import com.mediahub.auth.control.TokenService;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.platform.json.JsonBodies;
import com.mediahub.platform.json.Jsons;
import com.mediahub.users.entity.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Token endpoints (contract 3.1 to 3.3). {@code /token} is reached only with valid Basic
 * credentials (the mechanism answers everything else), {@code /token/refresh} is public, and
 * {@code /logout} takes either scheme.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    @Inject
    TokenService tokens;
    @Inject
    CurrentCaller caller;

    @POST
    @Path("token")
    @RolesAllowed({Role.USER, Role.ADMIN})
    public Response issue(@HeaderParam("User-Agent") String userAgent) {
        return tokenResponse(tokens.issue(caller.get(), userAgent));
    }

    @POST
    @Path("token/refresh")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response refresh(String body, @HeaderParam("User-Agent") String userAgent) {
        RotationOutcome outcome = tokens.rotate(refreshTokenOf(body), userAgent);
        if (outcome instanceof RotationOutcome.Rotated rotated) {
            return tokenResponse(rotated.pair());
        }
        throw new ApiException(ErrorCatalogue.REFRESH_TOKEN_INVALID);
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Role.USER, Role.ADMIN})
    public Response logout(String body) {
        tokens.revoke(caller.get(), refreshTokenOf(body));
        return Response.ok(Jsons.PROVIDER.createObjectBuilder().add("message", "Logged out successfully.").build())
                .header("Cache-Control", "no-store").build();
    }

    /** Contract 3.2/3.3: a missing or malformed body or field is 400 {@code Invalid request body}. */
    private static String refreshTokenOf(String body) {
        try {
            String token = JsonBodies.requiredString(JsonBodies.object(body), "refresh_token");
            if (token.isEmpty()) {
                throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
            }
            return token;
        } catch (ApiException e) {
            throw new ApiException(ErrorCatalogue.INVALID_REQUEST_BODY);
        }
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
