package com.mediahub.auth.session.control;

import java.security.SecureRandom;

import com.mediahub.platform.crypto.OpaqueValues;

/**
 * Refresh token values: 256 random bits, base64url without padding (43 characters), opaque to
 * clients and never a JWT, so no access-token verifier can ever accept one. Only
 * {@link #hash(String)} of a token goes to the database.
 */
public final class RefreshTokens {

    static final int RANDOM_BYTES = 32;
    /** Longer input cannot be one of ours; it is rejected without hashing megabytes. */
    static final int MAX_LENGTH = 256;

    private RefreshTokens() {
    }

    public static String generate(SecureRandom random) {
        return OpaqueValues.random(random, RANDOM_BYTES);
    }

    /** SHA-256 of the token's UTF-8 bytes, lower-case hex (contract section 2). */
    public static String hash(String token) {
        return OpaqueValues.sha256Hex(token);
    }

    public static boolean plausible(String token) {
        return !token.isEmpty() && token.length() <= MAX_LENGTH;
    }
}
