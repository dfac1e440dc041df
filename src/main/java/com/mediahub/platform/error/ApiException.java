package com.mediahub.platform.error;

/**
 * Thrown anywhere below a resource to answer with a catalogue error; {@link ApiExceptionMapper}
 * turns it into the JSON response. Carries no stack trace: it is control flow, not a fault.
 */
public class ApiException extends RuntimeException {

    private final ErrorCatalogue error;
    private final transient Object[] args;
    private final Long retryAfterSeconds;

    public ApiException(ErrorCatalogue error, Object... args) {
        this(null, error, args);
    }

    private ApiException(Long retryAfterSeconds, ErrorCatalogue error, Object... args) {
        super(error.message(args), null, false, false);
        this.error = error;
        this.args = args.clone();
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** An error answered with {@code Retry-After} (429, 503). */
    public static ApiException retryAfter(ErrorCatalogue error, long seconds) {
        return new ApiException(seconds, error);
    }

    /** Seconds for a {@code Retry-After} header: as given, or 1 for the busy 503. */
    public java.util.Optional<Long> retryAfterSeconds() {
        if (retryAfterSeconds == null && error == ErrorCatalogue.PASSWORD_CHECKS_BUSY) {
            return java.util.Optional.of(1L);
        }
        return java.util.Optional.ofNullable(retryAfterSeconds);
    }

    public ErrorCatalogue error() {
        return error;
    }

    public int status() {
        return error.status();
    }
}
