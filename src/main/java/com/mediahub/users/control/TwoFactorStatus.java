package com.mediahub.users.control;

/**
 * Whether a user signs in with a second factor, as {@code GET /api/users/me} shows it. The
 * second-factor feature implements this; users only declares the need, so the dependency points
 * from authentication to users (as {@link SessionCounts} does).
 */
public interface TwoFactorStatus {

    /** @param recoveryCodesLeft unused recovery codes; 0 when TOTP is off */
    record Summary(boolean totp, int recoveryCodesLeft) {
    }

    Summary of(long userId);
}
