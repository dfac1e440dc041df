package com.mediahub.users.control;

import java.util.function.BooleanSupplier;

/**
 * Counts a check of a user's current password like a login attempt (security review item 4: a
 * stolen access token must not give unlimited guesses through the password-change endpoint).
 * Authentication implements it with its login throttle; users only declare the need, so the
 * dependency points from authentication to users.
 */
public interface PasswordGuessLimit {

    /**
     * Runs {@code check} if the throttle allows a guess for this user from this address, and
     * counts its result.
     *
     * @return whether the password was right
     * @throws com.mediahub.platform.error.ApiException 429 with Retry-After when guessing is throttled
     */
    boolean check(long userId, String username, String clientAddress, BooleanSupplier check);
}
