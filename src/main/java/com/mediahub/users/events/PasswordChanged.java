package com.mediahub.users.events;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fired inside the transaction that stores a new password hash and counts the user's token
 * version up. Observers run synchronously in that transaction, so what they revoke is revoked
 * atomically with the change (contract 3.7); they report how many refresh tokens they removed.
 */
public final class PasswordChanged {

    private final long userId;
    private final int newTokenVersion;
    private final AtomicInteger revokedRefreshTokens = new AtomicInteger();

    public PasswordChanged(long userId, int newTokenVersion) {
        this.userId = userId;
        this.newTokenVersion = newTokenVersion;
    }

    public long userId() {
        return userId;
    }

    public int newTokenVersion() {
        return newTokenVersion;
    }

    /** Called by an observer that revoked refresh tokens of the user. */
    public void revoked(int refreshTokens) {
        revokedRefreshTokens.addAndGet(refreshTokens);
    }

    public int revokedRefreshTokens() {
        return revokedRefreshTokens.get();
    }
}
