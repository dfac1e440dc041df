package com.mediahub.databases.boundary;

import java.net.URI;

import com.mediahub.databases.control.DatabaseService;
import com.mediahub.databases.control.NewDatabase;
import com.mediahub.databases.entity.Database;
import com.mediahub.platform.rest.JsonBodies;
import com.mediahub.platform.rest.PageParameters;
import com.mediahub.platform.rest.PathIds;
import com.mediahub.security.CurrentCaller;
import com.mediahub.security.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** {@code /api/databases} (contract 3.6). */
@Path("databases")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER, Role.ADMIN})
public class DatabasesResource {

    @Inject
    DatabaseService databases;
    @Inject
    CurrentCaller caller;

    /** {@code ?limit=&after=} pages by id (keyset); without them the whole list, as the contract says. */
    @GET
    public JsonArray list(@QueryParam("limit") String limit, @QueryParam("after") String after) {
        return DatabaseJson.databases(databases.visibleTo(caller.get(), PageParameters.parse(limit, after)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonObject json = JsonBodies.object(body);
        NewDatabase request = new NewDatabase(JsonBodies.requiredString(json, "name"));
        Database created = databases.create(caller.get(), request);
        return Response.created(URI.create("databases/" + created.getId())).entity(DatabaseJson.of(created)).build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return DatabaseJson.of(databases.get(caller.get(), PathIds.parse(id)));
    }

    /** Renames: {@code {"name": "..."}}, the rules of creating one; the same owner-or-admin rule. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject rename(@PathParam("id") String id, String body) {
        long databaseId = PathIds.parse(id);
        NewDatabase request = new NewDatabase(JsonBodies.requiredString(JsonBodies.object(body), "name"));
        return DatabaseJson.of(databases.rename(caller.get(), databaseId, request));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        databases.delete(caller.get(), PathIds.parse(id));
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/entries")
    public JsonArray entries(@PathParam("id") String id, @QueryParam("limit") String limit,
                             @QueryParam("after") String after) {
        long databaseId = PathIds.parse(id);
        return DatabaseJson.entries(databases.entries(caller.get(), databaseId, PageParameters.parse(limit, after)));
    }
}
