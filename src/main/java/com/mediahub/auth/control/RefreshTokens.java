package com.mediahub.auth.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

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
        byte[] bytes = new byte[RANDOM_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** SHA-256 of the token's UTF-8 bytes, lower-case hex (contract section 2). */
    public static String hash(String token) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha256.digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }

    public static boolean plausible(String token) {
        return !token.isEmpty() && token.length() <= MAX_LENGTH;
    }
}
