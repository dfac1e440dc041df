package com.mediahub.auth.control;

import java.time.Duration;

/** A freshly minted access/refresh token pair and their lifetimes (contract section 2). */
public record TokenPair(String accessToken, String refreshToken, Duration accessLifetime, Duration refreshLifetime) {

    @Override
    public String toString() {
        return "TokenPair[tokens hidden]";
    }
}
