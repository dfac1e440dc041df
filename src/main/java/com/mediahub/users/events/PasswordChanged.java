package com.mediahub.users.events;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fired inside the transaction that stores a new password hash and counts the user's token
 * version up. Observers run synchronously in that transaction, so what they revoke is revoked
 * atomically with the change (contract 3.7); they add how many refresh tokens they removed to
 * {@code revokedRefreshTokens}.
 */
public record PasswordChanged(long userId, int newTokenVersion, AtomicInteger revokedRefreshTokens) {

    public PasswordChanged(long userId, int newTokenVersion) {
        this(userId, newTokenVersion, new AtomicInteger());
    }
}
