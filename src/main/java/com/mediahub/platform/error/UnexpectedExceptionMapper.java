package com.mediahub.platform.error;

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Last resort: anything unexpected becomes a JSON 500 (or 503 when the database is unreachable)
 * without a stack trace in the response. The trace goes to the server log only.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        // Runtimes wrap exceptions thrown while reading a body (e.g. the size limit) in their own.
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return ErrorResponses.of(api.status(), api.getMessage());
            }
            if (t instanceof UnsupportedCharsetException || t instanceof IllegalCharsetNameException) {
                return ErrorResponses.of(ErrorCatalogue.UNSUPPORTED_CHARSET);
            }
        }
        if (DatabaseFailures.isUnavailable(exception)) {
            LOG.log(Level.WARNING, "Database unavailable: {0}", DatabaseFailures.rootMessage(exception));
            return ErrorResponses.of(ErrorCatalogue.SERVICE_UNAVAILABLE);
        }
        LOG.log(Level.SEVERE, "Unexpected error", exception);
        return ErrorResponses.of(ErrorCatalogue.INTERNAL_ERROR);
    }
}
