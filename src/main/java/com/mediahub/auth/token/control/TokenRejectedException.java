package com.mediahub.auth.token.control;

import com.mediahub.platform.error.ErrorCatalogue;

/** An access token that must not be accepted, with the contract's reason (expired or invalid). */
public class TokenRejectedException extends Exception {

    private final ErrorCatalogue error;

    public TokenRejectedException(ErrorCatalogue error) {
        super(error.message(), null, false, false);
        this.error = error;
    }

    public ErrorCatalogue error() {
        return error;
    }
}
