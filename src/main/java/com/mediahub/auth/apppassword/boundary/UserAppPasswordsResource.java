package com.mediahub.auth.apppassword.boundary;

import com.mediahub.auth.apppassword.control.AppPasswordAccount;
import com.mediahub.platform.rest.PathIds;
import com.mediahub.security.AccountSecurity;
import com.mediahub.security.CurrentCaller;
import com.mediahub.security.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * An admin lists and revokes another user's app passwords (a leaked script, a person who left).
 * The path is longer than {@code users}, so JAX-RS matches this class first for it.
 */
@Path("users/{userId}/app-passwords")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN)
@AccountSecurity
public class UserAppPasswordsResource {

    @Inject
    AppPasswordAccount account;
    @Inject
    CurrentCaller caller;

    @GET
    public JsonArray list(@PathParam("userId") String userId) {
        return AppPasswordJson.list(account.list(PathIds.parse(userId)));
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("userId") String userId, @PathParam("id") String id) {
        long user = PathIds.parse(userId);
        account.revoke(caller.get(), user, PathIds.parse(id));
        return Response.noContent().build();
    }
}
