package com.mediahub.auth.control;

import java.util.List;

import com.mediahub.auth.entity.JpaRefreshTokenRepository;
import com.mediahub.auth.entity.Session;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.users.entity.JpaUserRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/** A user's sessions (token families): listing, revoking one, revoking all (contract 3.4, 3.5). */
@ApplicationScoped
public class SessionService {

    @Inject
    JpaRefreshTokenRepository refreshTokens;
    @Inject
    JpaUserRepository users;
    @Inject
    TokenVersionCache tokenVersions;
    @Inject
    SecurityAudit audit;

    public List<Session> sessionsOf(CallerIdentity caller) {
        return refreshTokens.sessionsOf(caller.id());
    }

    /** Another user's session or an unknown id is 404: the caller learns nothing about other users. */
    @Transactional
    public void revoke(CallerIdentity caller, long sessionId) {
        if (refreshTokens.deleteFamily(sessionId, caller.id()) == 0) {
            throw new ApiException(ErrorCatalogue.SESSION_NOT_FOUND);
        }
        audit.record("session.revoked", caller.id(), sessionId);
    }

    /**
     * Signs the caller out everywhere: every refresh token goes, and the token version is
     * counted up, so the access tokens already issued stop working too (this one included).
     */
    @Transactional
    public int revokeAll(CallerIdentity caller) {
        int revoked = refreshTokens.deleteAllOf(caller.id());
        int version = users.bumpTokenVersion(caller.id());
        tokenVersions.versionChanged(caller.id(), version);
        audit.record("logout_all", caller);
        return revoked;
    }
}
