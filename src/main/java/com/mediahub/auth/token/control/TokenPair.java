package com.mediahub.auth.token.control;

import java.time.Duration;

/**
 * A freshly minted access/refresh token pair, their lifetimes (contract section 2) and the
 * session (token family) they belong to.
 */
public record TokenPair(String accessToken, String refreshToken, Duration accessLifetime, Duration refreshLifetime,
                        long sessionId) {

    @Override
    public String toString() {
        return "TokenPair[session " + sessionId + ", tokens hidden]";
    }
}
