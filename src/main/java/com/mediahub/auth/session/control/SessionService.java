package com.mediahub.auth.session.control;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.auth.session.entity.JpaRefreshTokenRepository;
import com.mediahub.auth.session.entity.Session;
import com.mediahub.auth.token.control.TokenVersionChanged;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;
import com.mediahub.users.entity.JpaUserRepository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
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
    Event<TokenVersionChanged> versionChanges;
    @Inject
    SecurityAudit audit;
    @Inject
    Clock clock;

    /** Unexpired refresh tokens and the sessions they belong to, on all instances. */
    public record LiveCount(long refreshTokens, long sessions) {
    }

    public LiveCount countLive() {
        long[] live = refreshTokens.countLive(OffsetDateTime.now(clock));
        return new LiveCount(live[0], live[1]);
    }

    public List<Session> sessionsOf(CallerIdentity caller) {
        return refreshTokens.sessionsOf(caller.id());
    }

    /** An admin's view of any user's sessions; an unknown user is 404. */
    public List<Session> sessionsOfUser(long userId) {
        users.findById(userId).orElseThrow(() -> new ApiException(ErrorCatalogue.USER_NOT_FOUND));
        return refreshTokens.sessionsOf(userId);
    }

    /** Another user's session or an unknown id is 404: the caller learns nothing about other users. */
    @Transactional
    public void revoke(CallerIdentity caller, long sessionId) {
        if (refreshTokens.deleteFamily(sessionId, caller.id()) == 0) {
            throw new ApiException(ErrorCatalogue.SESSION_NOT_FOUND);
        }
        audit.record(AuditEvent.SESSION_REVOKED, caller.id(), sessionId);
    }

    /**
     * Signs the caller out everywhere: every refresh token goes, and the token version is
     * counted up, so the access tokens already issued stop working too (this one included).
     */
    @Transactional
    public int revokeAll(CallerIdentity caller) {
        int revoked = endAllSessions(caller.id());
        audit.record(AuditEvent.LOGOUT_ALL, caller);
        return revoked;
    }

    /** An admin signs a user out everywhere, as that user's logout-all would; an unknown user is 404. */
    @Transactional
    public int revokeAllOfUser(long userId) {
        users.findById(userId).orElseThrow(() -> new ApiException(ErrorCatalogue.USER_NOT_FOUND));
        int revoked = endAllSessions(userId);
        audit.record(AuditEvent.SESSIONS_REVOKED_BY_ADMIN, userId, null);
        return revoked;
    }

    /**
     * Ends every session of the caller but the one this request came with (none for password
     * Basic), and the access tokens issued before: after the account's sign-in got stricter (a
     * second factor turned on), no session signed in to the old way may go on. Returns how many
     * refresh tokens were revoked. Call within the change's transaction.
     */
    @Transactional
    public int endOtherSessions(CallerIdentity caller) {
        // The version first: a login or refresh that escapes the DELETE (inserted after it looked)
        // carries the old version, and its token is refused at the next refresh.
        int version = users.bumpTokenVersion(caller.id());
        int revoked = refreshTokens.deleteAllOfExcept(caller.id(), caller.sessionId());
        caller.session().ifPresent(kept -> refreshTokens.restamp(caller.id(), kept, version));
        versionChanges.fire(new TokenVersionChanged(caller.id(), version));
        return revoked;
    }

    private int endAllSessions(long userId) {
        int version = users.bumpTokenVersion(userId); // first: see endOtherSessions
        int revoked = refreshTokens.deleteAllOf(userId);
        versionChanges.fire(new TokenVersionChanged(userId, version));
        return revoked;
    }
}
