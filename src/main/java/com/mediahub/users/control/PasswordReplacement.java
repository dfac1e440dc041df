package com.mediahub.users.control;

import com.mediahub.auth.control.SecurityAudit;
import com.mediahub.auth.control.TokenVersionCache;
import com.mediahub.auth.entity.JpaRefreshTokenRepository;
import com.mediahub.users.entity.JpaUserRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * The writes of a password change, in one transaction (contract 3.7): the new hash, every
 * refresh token of the user deleted, and the token version counted up so that access tokens
 * issued before stop working. The hash is made by the caller, outside the transaction.
 */
@ApplicationScoped
public class PasswordReplacement {

    @Inject
    JpaUserRepository users;
    @Inject
    JpaRefreshTokenRepository refreshTokens;
    @Inject
    TokenVersionCache tokenVersions;
    @Inject
    SecurityAudit audit;

    /** Returns how many refresh tokens were revoked. */
    @Transactional
    public int replace(long userId, String newHash) {
        users.updatePasswordHash(userId, newHash);
        int revoked = refreshTokens.deleteAllOf(userId);
        tokenVersions.versionChanged(userId, users.bumpTokenVersion(userId));
        audit.record("password.changed", userId, null);
        return revoked;
    }
}
