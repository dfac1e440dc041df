package com.mediahub.auth.control;

import java.util.Set;

/**
 * Which requests need credentials, decided by path, because a mechanism cannot rely on
 * {@code isProtected()} for JAX-RS resources (it is false for {@code @RolesAllowed} paths on
 * Payara, WildFly and TomEE alike). Deny by default: every path under {@code /api/} needs
 * credentials except the public ones listed here. Roles are then checked by {@code @RolesAllowed}.
 */
public enum EndpointAccess {
    /** No credentials needed; an Authorization header, if any, is ignored. */
    PUBLIC,
    /** {@code POST /api/token}: Basic credentials only (contract 3.1). */
    BASIC_ONLY,
    /** Basic or Bearer required. */
    PROTECTED;

    private static final String API = "/api/";
    private static final Set<String> PUBLIC_API_PATHS = Set.of("/api/token/refresh", "/api/health", "/api/info");
    private static final String TOKEN_PATH = "/api/token";

    /** {@code POST /api/users}: public when {@code [auth] registration = "open"} and no credentials are sent. */
    public static boolean isSelfRegistration(String method, String path) {
        return "POST".equals(method) && (path.equals("/api/users") || path.equals("/api/users/"));
    }

    /** @param path the request path inside the application, e.g. {@code /api/users/me} */
    public static EndpointAccess of(String path) {
        String normalized = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        if (!normalized.startsWith(API) && !normalized.equals("/api")) {
            return PUBLIC;
        }
        if (PUBLIC_API_PATHS.contains(normalized)) {
            return PUBLIC;
        }
        if (normalized.equals(TOKEN_PATH)) {
            return BASIC_ONLY;
        }
        return PROTECTED;
    }
}
