package com.mediahub.downstream;

import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the downstream service learnt from the caller's token. */
@Path("whoami")
@RequestScoped
public class WhoAmIResource {

    @Inject
    JsonWebToken token;

    @GET
    @RolesAllowed({"user", "admin"})
    @Produces(MediaType.APPLICATION_JSON)
    public JsonObject whoAmI() {
        return Json.createObjectBuilder()
                .add("name", token.getName())
                .add("groups", Json.createArrayBuilder(token.getGroups().stream().sorted().toList()))
                .build();
    }
}
