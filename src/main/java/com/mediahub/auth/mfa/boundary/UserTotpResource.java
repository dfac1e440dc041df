package com.mediahub.auth.mfa.boundary;

import com.mediahub.auth.mfa.control.SecondFactorWrites;
import com.mediahub.platform.json.Jsons;
import com.mediahub.platform.rest.PathIds;
import com.mediahub.security.AccountSecurity;
import com.mediahub.security.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code DELETE /api/users/{id}/totp}: an admin resets a user who lost their phone. The user's
 * second factor goes and so do all of their sessions. The path is longer than {@code users}, so
 * JAX-RS matches this class first for it.
 */
@Path("users/{userId}/totp")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@AccountSecurity
public class UserTotpResource {

    @Inject
    SecondFactorWrites writes;

    @DELETE
    public JsonObject reset(@PathParam("userId") String userId) {
        int revoked = writes.reset(PathIds.parse(userId));
        return Jsons.PROVIDER.createObjectBuilder()
                .add("message", "Two-factor authentication is off for this user, and every session was signed out.")
                .add("revoked", revoked).build();
    }
}
