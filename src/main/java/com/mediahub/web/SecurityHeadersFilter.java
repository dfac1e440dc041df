package com.mediahub.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Headers that limit what a page of ours can do if something slips through: scripts and styles
 * only from our own origin (no inline script, so an injected tag does not run), no framing
 * (clickjacking), no content sniffing, no referrer leaving the site. The SPA shell is revalidated
 * on every load so a new deployment is picked up at once.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeadersFilter extends HttpFilter {

    static final String CONTENT_SECURITY_POLICY = policy("'self'");
    /** Swagger UI sets style attributes in its markup; its scripts stay same-origin only. */
    static final String SWAGGER_UI_POLICY = policy("'self' 'unsafe-inline'");

    private static String policy(String styleSources) {
        return "default-src 'self'; script-src 'self'; style-src " + styleSources + "; "
                + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; "
                + "form-action 'self'; frame-ancestors 'none'";
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "same-origin");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        response.setHeader("Content-Security-Policy", path.startsWith("/swagger/") ? SWAGGER_UI_POLICY : CONTENT_SECURITY_POLICY);
        if (path.isEmpty() || path.equals("/") || path.equals("/index.html")) {
            response.setHeader("Cache-Control", "no-cache");
        }
        chain.doFilter(request, response);
    }
}
