package com.mediahub.auth.cookie;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;

import com.mediahub.auth.token.control.TokenPair;
import com.mediahub.config.Settings.CookieSettings;
import com.mediahub.config.Settings;
import com.mediahub.platform.crypto.OpaqueValues;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Cookie mode for browsers: the access token in an HttpOnly cookie for every path, the refresh
 * token in an HttpOnly cookie sent only to the refresh endpoint (security review item 13: with
 * {@code Path=/api} it travelled with every API call; logout finds the session through the access
 * token's {@code sid} instead), and a CSRF token in a cookie that JavaScript
 * can read and must echo in {@code X-CSRF-Token} (double-submit). With {@code secure} the names
 * carry the {@code __Host-} prefix where the rules allow it (Path=/, so the application at the
 * context root, and no Domain) and {@code __Secure-} otherwise. Set-Cookie values are written here rather than with NewCookie:
 * SameSite is not in every server's JAX-RS version.
 */
@ApplicationScoped
public class SessionCookies {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** The one endpoint the refresh cookie is sent to. */
    static final String REFRESH_PATH = "/api/token/refresh";
    /** Where releases before the narrowing put it; cleared along with the current one. */
    static final String LEGACY_REFRESH_PATH = "/api";

    @Inject
    Settings settings;

    private final SecureRandom random = new SecureRandom();

    public SessionCookies() {
    }

    /** For unit tests. */
    public SessionCookies(Settings settings) {
        this.settings = settings;
    }

    private CookieSettings config() {
        return settings.cookies();
    }

    private String hostOrSecure(String contextPath) {
        if (!config().secure()) {
            return "";
        }
        return config().domain() == null && contextPath.isEmpty() ? "__Host-" : "__Secure-";
    }

    public String accessName(String contextPath) {
        return hostOrSecure(contextPath) + "access_token";
    }

    public String refreshName() {
        return (config().secure() ? "__Secure-" : "") + "refresh_token";
    }

    public String csrfName(String contextPath) {
        return hostOrSecure(contextPath) + "csrf_token";
    }

    /**
     * The three Set-Cookie values for a fresh pair (the context path is prepended to the paths),
     * after one that deletes a refresh cookie an earlier release left at the wider path.
     */
    public List<String> issue(TokenPair pair, String contextPath) {
        String csrf = OpaqueValues.random(random, 32);
        return List.of(
                // first, so that a client keeping one value per name ends up with the live token
                cookie(refreshName(), "", contextPath + LEGACY_REFRESH_PATH, 0, true),
                cookie(accessName(contextPath), pair.accessToken(), contextPath + "/", pair.accessLifetime().toSeconds(), true),
                cookie(refreshName(), pair.refreshToken(), contextPath + REFRESH_PATH, pair.refreshLifetime().toSeconds(), true),
                cookie(csrfName(contextPath), csrf, contextPath + "/", pair.refreshLifetime().toSeconds(), false));
    }

    /** Set-Cookie values that delete all three (and a refresh cookie left at the old, wider path). */
    public List<String> clear(String contextPath) {
        return List.of(
                cookie(accessName(contextPath), "", contextPath + "/", 0, true),
                cookie(refreshName(), "", contextPath + REFRESH_PATH, 0, true),
                cookie(refreshName(), "", contextPath + LEGACY_REFRESH_PATH, 0, true),
                cookie(csrfName(contextPath), "", contextPath + "/", 0, false));
    }

    /** Whether the request was authenticated by the access-token cookie (no Authorization header). */
    public boolean isCookieAuthenticated(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return (header == null || header.isEmpty()) && value(request, accessName(request.getContextPath())).isPresent();
    }

    String cookie(String name, String value, String path, long maxAgeSeconds, boolean httpOnly) {
        StringBuilder cookie = new StringBuilder(name).append('=').append(value)
                .append("; Path=").append(path).append("; Max-Age=").append(maxAgeSeconds);
        if (config().domain() != null) {
            cookie.append("; Domain=").append(config().domain());
        }
        if (config().secure()) {
            cookie.append("; Secure");
        }
        if (httpOnly) {
            cookie.append("; HttpOnly");
        }
        return cookie.append("; SameSite=").append(config().sameSite()).toString();
    }

    public Optional<String> value(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (cookie.getName().equals(name) && !cookie.getValue().isEmpty()) {
                return Optional.of(cookie.getValue());
            }
        }
        return Optional.empty();
    }

    /** Double-submit check: the header equals the CSRF cookie (compared in constant time). */
    public boolean csrfValid(HttpServletRequest request) {
        String header = request.getHeader(CSRF_HEADER);
        Optional<String> cookie = value(request, csrfName(request.getContextPath()));
        return header != null && cookie.isPresent() && MessageDigest.isEqual(
                header.getBytes(StandardCharsets.UTF_8), cookie.get().getBytes(StandardCharsets.UTF_8));
    }

    public static boolean isStateChanging(String method) {
        return !(method.equals("GET") || method.equals("HEAD") || method.equals("OPTIONS"));
    }
}
