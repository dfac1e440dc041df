package com.mediahub.auth.mechanism;

import com.mediahub.platform.error.ErrorCatalogue;

/** The {@code WWW-Authenticate} value for each 401 of contract section 1. */
public final class Challenges {

    public static final String REALM = "mediahub";
    static final String BOTH = "Basic realm=\"" + REALM + "\", charset=\"UTF-8\", Bearer realm=\"" + REALM + "\"";
    static final String BEARER_ONLY = "Bearer realm=\"" + REALM + "\"";
    static final String INVALID_TOKEN = "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"";
    static final String EXPIRED_TOKEN = INVALID_TOKEN + ", error_description=\"Token expired\"";

    private Challenges() {
    }

    /**
     * Scripts that say so with {@code X-Requested-With: XMLHttpRequest} (our SPA) get no Basic
     * challenge: browsers answer a Basic challenge to a script's request with their own login
     * dialog, which would pop up over the page whenever a cookie session runs out.
     */
    public static String forError(ErrorCatalogue error, boolean fromScript) {
        String challenge = forError(error);
        return fromScript && challenge == BOTH ? BEARER_ONLY : challenge;
    }

    public static String forError(ErrorCatalogue error) {
        return switch (error) {
            case TOKEN_EXPIRED -> EXPIRED_TOKEN;
            case TOKEN_INVALID -> INVALID_TOKEN;
            default -> BOTH;
        };
    }
}
