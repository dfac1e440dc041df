package com.mediahub.auth.token.boundary;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.mediahub.auth.token.keys.SigningKeys;
import com.mediahub.config.Settings;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.platform.error.JsonErrorPageServlet;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /.well-known/jwks.json} (public): the public keys that verify our access tokens (the
 * signing key and the previous keys still configured), for other services to check tokens
 * without being able to mint them. A servlet rather than a JAX-RS resource because it lives
 * outside {@code /api}. Cacheable for {@code [jwt] jwks_max_age_seconds} (five minutes): a key is
 * published before it signs (see the rotation procedure in docs/key-rotation.md), so a verifier's cached copy
 * never lacks the signing key.
 */
@WebServlet(name = "Jwks", urlPatterns = JwksServlet.PATH)
public class JwksServlet extends HttpServlet {

    public static final String PATH = "/.well-known/jwks.json";
    @Inject
    SigningKeys keys;
    @Inject
    Settings settings;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> keySet = keys.publicKeySet();
        if (keySet.isEmpty()) {
            request.setAttribute(JsonErrorPageServlet.ERROR_ATTRIBUTE, ErrorCatalogue.NO_PUBLIC_KEYS);
            response.sendError(ErrorCatalogue.NO_PUBLIC_KEYS.status());
            return;
        }
        byte[] body = keySet.get().getBytes(StandardCharsets.UTF_8);
        response.setContentType("application/jwk-set+json");
        response.setHeader("Cache-Control", "public, max-age=" + settings.jwksMaxAge().toSeconds());
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
