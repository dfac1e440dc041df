package com.mediahub.auth.token.control;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * How and when the session an access token belongs to was signed in to: the token's {@code amr}
 * (RFC 8176) and {@code auth_time} (OpenID Connect) claims. A refreshed token keeps its login's
 * values, so a service that trusts only tokens from a sign-in with a second factor can tell.
 *
 * @param methods RFC 8176 values separated by spaces, as stored with the session ({@code pwd otp})
 */
public record SignIn(String methods, Instant time) {

    public List<String> amr() {
        return Arrays.asList(methods.split(" "));
    }
}
