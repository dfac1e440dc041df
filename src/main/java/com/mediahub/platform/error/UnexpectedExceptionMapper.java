package com.mediahub.platform.error;

import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;
import java.util.logging.Level;
import java.util.logging.Logger;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Last resort: anything unexpected becomes a JSON 500 (or 503 when the database is unreachable,
 * 408 when the body did not arrive in time). The rule for every error mapper: a request from
 * outside never writes a stack trace or an exception message to the log, only one line from
 * {@link FaultSummary} (security review item 6: one client wrote 27 MB of log in 3 s). The
 * full trace is available at level FINE for whoever debugs a reproduced fault.
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedExceptionMapper.class.getName());

    @Override
    public Response toResponse(Throwable exception) {
        // Runtimes wrap exceptions thrown while reading a body (e.g. the size limit) in their own.
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof ApiException api) {
                return new ApiExceptionMapper().toResponse(api);
            }
        }
        return ErrorResponses.of(reportAndClassify(exception));
    }

    /** The catalogue entry for a fault, reported in at most one line at INFO or above. */
    static ErrorCatalogue reportAndClassify(Throwable exception) {
        for (Throwable t = exception; t != null; t = t.getCause()) {
            if (t instanceof java.net.SocketTimeoutException || t instanceof java.util.concurrent.TimeoutException) {
                LOG.info("Request body not received in time");
                return ErrorCatalogue.REQUEST_TIMEOUT;
            }
            if (t instanceof UnsupportedCharsetException || t instanceof IllegalCharsetNameException) {
                return ErrorCatalogue.UNSUPPORTED_CHARSET;
            }
        }
        if (DatabaseFailures.isUnavailable(exception)) {
            LOG.log(Level.WARNING, "Database unavailable: {0}", FaultSummary.of(exception));
            return ErrorCatalogue.SERVICE_UNAVAILABLE;
        }
        LOG.log(Level.SEVERE, "Unexpected error: {0}", FaultSummary.of(exception));
        LOG.log(Level.FINE, "Unexpected error (trace)", exception);
        return ErrorCatalogue.INTERNAL_ERROR;
    }
}
