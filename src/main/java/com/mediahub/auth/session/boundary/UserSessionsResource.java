package com.mediahub.auth.session.boundary;

import com.mediahub.auth.session.control.SessionService;
import com.mediahub.platform.json.Jsons;
import com.mediahub.platform.rest.PathIds;
import com.mediahub.security.CallerIdentity;
import com.mediahub.security.CurrentCaller;
import com.mediahub.security.AccountSecurity;
import com.mediahub.security.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * An admin's view of another user's sessions: {@code GET /api/users/{id}/sessions} lists them
 * as {@code /api/sessions} does for oneself, {@code DELETE} signs that user out everywhere, as
 * their own logout-all would (refresh tokens deleted, access tokens dead at once). Admin only: a
 * user sees their own sessions at {@code /api/sessions}. The path is longer than
 * {@code users}, so JAX-RS matches this class first for it (Jakarta REST 3.1, section 3.7.2).
 */
@Path("users/{userId}/sessions")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@AccountSecurity
public class UserSessionsResource {

    @Inject
    SessionService sessions;
    @Inject
    CurrentCaller caller;

    @GET
    public JsonArray list(@PathParam("userId") String userId) {
        CallerIdentity me = caller.get();
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        sessions.sessionsOfUser(PathIds.parse(userId))
                .forEach(s -> array.add(SessionJson.of(s, me.session().filter(id -> id == s.id()).isPresent())));
        return array.build();
    }

    @DELETE
    public JsonObject revokeAll(@PathParam("userId") String userId) {
        int revoked = sessions.revokeAllOfUser(PathIds.parse(userId));
        return Jsons.PROVIDER.createObjectBuilder()
                .add("message", "Every session of this user was signed out.")
                .add("revoked", revoked).build();
    }
}
