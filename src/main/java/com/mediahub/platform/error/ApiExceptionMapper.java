package com.mediahub.platform.error;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

@Provider
public class ApiExceptionMapper implements ExceptionMapper<ApiException> {

    @Override
    public Response toResponse(ApiException exception) {
        Response response = ErrorResponses.of(exception.status(), exception.getMessage());
        return exception.retryAfterSeconds()
                .map(seconds -> Response.fromResponse(response).header("Retry-After", seconds).build())
                .orElse(response);
    }
}
