package com.mediahub.auth.apppassword.boundary;

import java.net.URI;

import com.mediahub.auth.apppassword.control.AppPasswordAccount;
import com.mediahub.auth.apppassword.control.CreatedAppPassword;
import com.mediahub.auth.apppassword.control.NewAppPassword;
import com.mediahub.platform.rest.JsonBodies;
import com.mediahub.platform.rest.PathIds;
import com.mediahub.security.AccountSecurity;
import com.mediahub.security.CurrentCaller;
import com.mediahub.security.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The caller's own app passwords: {@code POST} makes one (the account password again; the value
 * is in this answer only), {@code GET} lists them without values, {@code DELETE {id}} revokes
 * one. The path is longer than {@code users}, so JAX-RS matches this class first for it.
 */
@Path("users/me/app-passwords")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER, Role.ADMIN})
@AccountSecurity
public class MyAppPasswordsResource {

    @Inject
    AppPasswordAccount account;
    @Inject
    CurrentCaller caller;
    @Inject
    HttpServletRequest request;

    @GET
    public JsonArray list() {
        return AppPasswordJson.list(account.list(caller.get().id()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonObject json = JsonBodies.object(body);
        NewAppPassword wanted = new NewAppPassword(JsonBodies.requiredString(json, "name"),
                JsonBodies.optionalBoolean(json, "read_only", false));
        String password = JsonBodies.requiredString(json, "password");
        CreatedAppPassword created = account.create(caller.get(), wanted, password, request.getRemoteAddr());
        return Response.created(URI.create("users/me/app-passwords/" + created.stored().getId()))
                .entity(AppPasswordJson.created(created)).header("Cache-Control", "no-store").build();
    }

    @DELETE
    @Path("{id}")
    public Response revoke(@PathParam("id") String id) {
        account.revoke(caller.get(), caller.get().id(), PathIds.parse(id));
        return Response.noContent().build();
    }
}
