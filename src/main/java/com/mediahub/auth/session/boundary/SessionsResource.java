package com.mediahub.auth.session.boundary;

import com.mediahub.auth.cookie.SessionCookies;
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
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The caller's sessions (contract 3.4 and 3.5). */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER, Role.ADMIN})
@AccountSecurity
public class SessionsResource {

    @Inject
    SessionService sessions;
    @Inject
    CurrentCaller caller;
    @Inject
    SessionCookies cookies;
    @Inject
    HttpServletRequest request;

    @GET
    @Path("sessions")
    public JsonArray list() {
        CallerIdentity me = caller.get();
        JsonArrayBuilder array = Jsons.PROVIDER.createArrayBuilder();
        sessions.sessionsOf(me).forEach(s -> array.add(SessionJson.of(s, me.session().filter(id -> id == s.id()).isPresent())));
        return array.build();
    }

    @DELETE
    @Path("sessions/{id}")
    public Response revoke(@PathParam("id") String id) {
        sessions.revoke(caller.get(), PathIds.parse(id));
        return Response.noContent().build();
    }

    @POST
    @Path("logout-all")
    public Response logoutAll() {
        int revoked = sessions.revokeAll(caller.get());
        Response.ResponseBuilder response = Response.ok(Jsons.PROVIDER.createObjectBuilder()
                .add("message", "Logged out of all sessions.")
                .add("revoked", revoked).build());
        // The caller's own session is among the revoked ones: a browser's cookies are dead too.
        cookies.clear(request.getContextPath()).forEach(c -> response.header("Set-Cookie", c));
        return response.build();
    }
}
