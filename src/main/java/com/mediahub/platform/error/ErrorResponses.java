package com.mediahub.platform.error;

import com.mediahub.platform.json.Jsons;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Builds the contract's error body {@code {"error": "..."}} as a JAX-RS response. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static String body(String message) {
        return Jsons.PROVIDER.createObjectBuilder().add("error", message).build().toString();
    }

    public static Response of(int status, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(body(message))
                .build();
    }

    public static Response of(ErrorCatalogue error, Object... args) {
        return of(error.status(), error.message(args));
    }
}
