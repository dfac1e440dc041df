package com.mediahub.platform.error;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The JAX-RS runtime's own errors (unknown path, wrong method, wrong media type, unreadable
 * body) answered with the catalogue text for their status, never the runtime's HTML.
 */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        int status = exception.getResponse().getStatus();
        ErrorCatalogue error = ErrorCatalogue.forStatus(status);
        Response.ResponseBuilder response = Response.fromResponse(ErrorResponses.of(status, error.message()));
        // A 405 must say which methods are allowed (RFC 9110 15.5.6); keep the runtime's Allow header.
        String allow = exception.getResponse().getHeaderString("Allow");
        if (allow != null) {
            response.header("Allow", allow);
        }
        return response.build();
    }
}
