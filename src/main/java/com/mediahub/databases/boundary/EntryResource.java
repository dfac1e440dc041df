package com.mediahub.databases.boundary;

import java.net.URI;

import com.mediahub.databases.control.DatabaseService;
import com.mediahub.databases.control.EntryChange;
import com.mediahub.databases.control.NewEntry;
import com.mediahub.databases.entity.Entry;
import com.mediahub.platform.rest.JsonBodies;
import com.mediahub.platform.rest.PathIds;
import com.mediahub.security.CurrentCaller;
import com.mediahub.security.Role;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code POST /api/entry} (contract 3.6), and one entry by id: read, change, delete, with the
 * access rule of its database (owner or admin; someone else's 403, unknown 404).
 */
@Path("entry")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Role.USER, Role.ADMIN})
public class EntryResource {

    @Inject
    DatabaseService databases;
    @Inject
    CurrentCaller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(String body) {
        JsonObject json = JsonBodies.object(body);
        NewEntry request = new NewEntry(JsonBodies.requiredLong(json, "database_id"),
                JsonBodies.requiredString(json, "title"),
                JsonBodies.optionalString(json, "content").orElse(""));
        Entry created = databases.addEntry(caller.get(), request);
        return Response.created(URI.create("databases/" + created.getDatabaseId() + "/entries"))
                .entity(DatabaseJson.of(created)).build();
    }

    @GET
    @Path("{id}")
    public JsonObject get(@PathParam("id") String id) {
        return DatabaseJson.of(databases.entry(caller.get(), PathIds.parse(id)));
    }

    /** {@code {"title": "...", "content": "..."}}: either or both; what is absent stays. */
    @PATCH
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public JsonObject change(@PathParam("id") String id, String body) {
        long entryId = PathIds.parse(id);
        JsonObject json = JsonBodies.object(body);
        EntryChange change = new EntryChange(JsonBodies.optionalString(json, "title"),
                JsonBodies.optionalString(json, "content"));
        return DatabaseJson.of(databases.changeEntry(caller.get(), entryId, change));
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        databases.deleteEntry(caller.get(), PathIds.parse(id));
        return Response.noContent().build();
    }
}
