package com.mediahub.auth.session.control;

import com.mediahub.auth.session.entity.JpaRefreshTokenRepository;
import com.mediahub.users.events.PasswordChanged;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * A new password ends every session of the user (contract 3.7): their refresh tokens are deleted
 * in the transaction that stores the new hash, so the change and the revocation commit together
 * or not at all.
 */
@ApplicationScoped
public class RevocationOnPasswordChange {

    @Inject
    JpaRefreshTokenRepository refreshTokens;

    void onPasswordChanged(@Observes PasswordChanged changed) {
        changed.revokedRefreshTokens().addAndGet(refreshTokens.deleteAllOf(changed.userId()));
    }
}
