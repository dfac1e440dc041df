package com.mediahub.system.boundary;

import com.mediahub.config.OperationsSettings;
import com.mediahub.platform.json.Jsons;
import com.mediahub.platform.persistence.SchemaMigrations;
import com.mediahub.system.control.ApplicationInfo;
import com.mediahub.system.control.DatabaseHealth;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Public service endpoints (contract 3.8). */
@Path("")
@PermitAll
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class SystemResource {

    @Inject
    DatabaseHealth database;
    @Inject
    ApplicationInfo info;
    @Inject
    SchemaMigrations schema;
    @Inject
    OperationsSettings operations;

    @GET
    @Path("health")
    public Response health() {
        boolean up = database.isUp();
        JsonObject body = Jsons.PROVIDER.createObjectBuilder()
                .add("status", up ? "UP" : "DOWN")
                .add("database", up ? "UP" : "DOWN")
                .build();
        return Response.status(up ? 200 : 503).entity(body).header("Cache-Control", "no-store").build();
    }

    @GET
    @Path("info")
    public JsonObject info() {
        return Jsons.PROVIDER.createObjectBuilder()
                .add("name", "mediahub")
                .add("version", info.version())
                .add("uptime_seconds", info.uptimeSeconds())
                .add("schema_version", schema.version())
                .add("auth_schemes", Jsons.PROVIDER.createArrayBuilder().add("Basic").add("Bearer"))
                // The web app offers its registration page only when registration is open.
                .add("registration", operations.registrationOpen() ? "open" : "closed")
                .build();
    }
}
