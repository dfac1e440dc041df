package com.mediahub.auth.control;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Requests an HTML form (or a "simple" cross-origin fetch) can send without the page's consent:
 * a state-changing method with one of the three content types that need no CORS preflight.
 */
final class FormRequests {

    private static final Set<String> SIMPLE_TYPES = Set.of(
            "application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    private FormRequests() {
    }

    static boolean isForm(HttpServletRequest request) {
        if (!SessionCookies.isStateChanging(request.getMethod())) {
            return false;
        }
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        int parameters = type.indexOf(';');
        String mediaType = (parameters < 0 ? type : type.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
        return SIMPLE_TYPES.contains(mediaType);
    }
}
