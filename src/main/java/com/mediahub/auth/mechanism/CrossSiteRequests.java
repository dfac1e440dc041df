package com.mediahub.auth.mechanism;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Recognises requests a browser sends on behalf of another site's page. Browsers attach
 * remembered Basic credentials to such requests, so a Basic-authenticated request from another
 * site is refused (security review item 5). {@code Sec-Fetch-Site} decides where the browser
 * sends it (every current browser does); otherwise an {@code Origin} that is not this host does.
 * Clients that are not browsers send neither and are never affected.
 */
final class CrossSiteRequests {

    private CrossSiteRequests() {
    }

    static boolean isCrossSite(HttpServletRequest request) {
        String site = request.getHeader("Sec-Fetch-Site");
        if (site != null) {
            String value = site.strip().toLowerCase(Locale.ROOT);
            // "same-site" is a sibling subdomain: another application, so refused as well.
            return !value.equals("same-origin") && !value.equals("none");
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        return host == null || !host.equalsIgnoreCase(authorityOf(origin));
    }

    /** {@code host[:port]} of an Origin header; an opaque origin ("null") matches nothing. */
    private static String authorityOf(String origin) {
        try {
            String authority = URI.create(origin.strip()).getRawAuthority();
            return authority == null ? "" : authority;
        } catch (IllegalArgumentException malformed) {
            return "";
        }
    }
}
