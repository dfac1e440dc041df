package com.mediahub.auth.control;

import com.mediahub.platform.error.ErrorCatalogue;

/** The {@code WWW-Authenticate} value for each 401 of contract section 1. */
public final class Challenges {

    public static final String REALM = "mediahub";
    static final String BOTH = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\", Bearer realm=\"" + REALM + "\"";
    static final String INVALID_TOKEN = "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"";
    static final String EXPIRED_TOKEN = INVALID_TOKEN + ", error_description=\"Token expired\"";

    private Challenges() {
    }

    public static String forError(ErrorCatalogue error) {
        return switch (error) {
            case TOKEN_EXPIRED -> EXPIRED_TOKEN;
            case TOKEN_INVALID -> INVALID_TOKEN;
            default -> BOTH;
        };
    }
}
