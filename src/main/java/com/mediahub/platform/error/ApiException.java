package com.mediahub.platform.error;

/**
 * Thrown anywhere below a resource to answer with a catalogue error; {@link ApiExceptionMapper}
 * turns it into the JSON response. Carries no stack trace: it is control flow, not a fault.
 */
public class ApiException extends RuntimeException {

    private final ErrorCatalogue error;
    private final transient Object[] args;

    public ApiException(ErrorCatalogue error, Object... args) {
        super(error.message(args), null, false, false);
        this.error = error;
        this.args = args.clone();
    }

    public ErrorCatalogue error() {
        return error;
    }

    public int status() {
        return error.status();
    }
}
