package com.mediahub.auth.mechanism;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.platform.rest.JsonBodies;
import com.mediahub.platform.rest.RequestSizeLimitFilter;

import jakarta.json.JsonObject;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/token} with {@code {"username": "...", "password": "..."}} instead of a Basic
 * header, as SPA and mobile clients send it. The credentials then take exactly the Basic path
 * (throttle, identity store, audit), so semantics, errors and timing are the same.
 */
final class JsonLoginBody {

    /** Every body's limit, enforced here too because authentication runs before the JAX-RS filter. */
    private static final int MAX_BYTES = RequestSizeLimitFilter.MAX_BYTES;

    private JsonLoginBody() {
    }

    /** The credentials, and the second factor's code when the body has one ({@code "otp"}). */
    record Login(AuthorizationHeader.Basic credentials, String otp) {
    }

    static boolean isJson(HttpServletRequest request) {
        return RequestScreen.declaresJson(request);
    }

    /**
     * The credentials of the body; empty when it holds none (empty, not JSON, not an object with
     * string fields {@code username} and {@code password}, and {@code otp} a string if present):
     * like a malformed Basic header, that is the contract's 401 {@code Authentication failed}.
     * ApiException 413 for a body over the limit.
     */
    static Optional<Login> read(HttpServletRequest request) throws IOException {
        if (request.getContentLengthLong() > MAX_BYTES) {
            throw new ApiException(ErrorCatalogue.PAYLOAD_TOO_LARGE);
        }
        // Not closed: JAX-RS reads (an empty) rest of it afterwards.
        InputStream in = request.getInputStream();
        byte[] body = in.readNBytes(MAX_BYTES + 1);
        if (body.length > MAX_BYTES) {
            throw new ApiException(ErrorCatalogue.PAYLOAD_TOO_LARGE);
        }
        if (body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonObject json = JsonBodies.object(new String(body, StandardCharsets.UTF_8));
            String otp = JsonBodies.optionalString(json, "otp").orElse(null);
            return AuthorizationHeader.credentials(JsonBodies.requiredString(json, "username"),
                    JsonBodies.requiredString(json, "password")) instanceof AuthorizationHeader.Basic basic
                    ? Optional.of(new Login(basic, otp)) : Optional.empty();
        } catch (ApiException shape) {
            return Optional.empty();
        }
    }
}
