package com.mediahub.auth.session.control;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.auth.session.control.RotationOutcome.Reason;
import com.mediahub.auth.session.entity.ConsumeStatement;
import com.mediahub.auth.session.entity.JdbcRefreshTokenRotation;
import com.mediahub.auth.session.entity.JpaRefreshTokenRepository;
import com.mediahub.auth.session.entity.RotatedToken;
import com.mediahub.auth.token.control.TokenPair;
import com.mediahub.config.AbuseLimits;
import com.mediahub.config.Settings;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;
import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.entity.User;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Issues, rotates and revokes token pairs (contract 3.1 to 3.3). Each operation is one database
 * transaction; on PostgreSQL a rotation is one statement, and a refused one a second transaction
 * that judges the replay. A login starts a token family (a session) with an absolute expiry; each rotation
 * consumes the presented token, remembers its hash, and stores one successor in the family.
 */
@ApplicationScoped
public class TokenService {

    @Inject
    PairMinter minter;
    @Inject
    JpaRefreshTokenRepository refreshTokens;
    @Inject
    JdbcRefreshTokenRotation oneStatement;
    @Inject
    StepwiseRotation stepwise;
    @Inject
    RefusedRotation refusal;
    @Inject
    ConsumeStatement consumeStatement;
    @Inject
    JpaUserRepository users;
    @Inject
    Settings settings;
    @Inject
    AbuseLimits limits;
    @Inject
    SecurityAudit audit;
    @Inject
    Clock clock;

    /**
     * A new session and pair for a caller who has just proven their password in this request.
     * An access token never mints a session, whatever path it reached this by: a stolen token
     * would otherwise outlive the victim's logout (security review item 1). Past
     * {@code [auth] max_sessions_per_user} the oldest sessions are revoked.
     */
    @Transactional
    public TokenPair issue(CallerIdentity caller, String userAgent) {
        if (!caller.provedPassword()) {
            throw new ApiException(ErrorCatalogue.AUTHENTICATION_FAILED);
        }
        OffsetDateTime now = now();
        User user = users.findById(caller.id()).orElseThrow(() -> new ApiException(ErrorCatalogue.AUTHENTICATION_FAILED));
        TokenPair pair = minter.mint(user, minter.newFamily(now, caller.authenticationMethods().orElseThrow()), userAgent, now);
        audit.record(AuditEvent.LOGIN_OK, user.getId(), pair.sessionId());
        int evicted = refreshTokens.revokeSessionsBeyond(user.getId(), limits.maxSessionsPerUser(), now);
        if (evicted > 0) {
            audit.record(AuditEvent.SESSION_EVICTED, user.getId(), null);
        }
        return pair;
    }

    /**
     * Rotation: the presented token is consumed, its hash remembered, one successor stored; a
     * token that is not live is judged by {@link RefusedRotation}. On PostgreSQL that is one
     * statement on its own, outside any JTA transaction ({@link JdbcRefreshTokenRotation}); on
     * other databases, steps in one transaction ({@link StepwiseRotation}). Same outcomes.
     */
    public RotationOutcome rotate(String presentedToken, String userAgent) {
        if (!RefreshTokens.plausible(presentedToken)) {
            return new RotationOutcome.Refused(Reason.UNKNOWN);
        }
        OffsetDateTime now = now();
        String hash = RefreshTokens.hash(presentedToken);
        if (!consumeStatement.rotatesInOneStatement()) {
            return stepwise.rotate(hash, userAgent, now);
        }
        String successor = minter.newRefreshToken();
        Optional<RotatedToken> rotated = oneStatement.rotate(hash, now, RefreshTokens.hash(successor),
                now.plus(settings.refreshDuration()), PairMinter.printable(userAgent));
        if (rotated.isEmpty()) {
            return refusal.refuse(hash, now);
        }
        TokenPair pair = minter.pairFor(rotated.get(), successor, now);
        audit.record(AuditEvent.REFRESH_OK, rotated.get().userId(), pair.sessionId());
        return new RotationOutcome.Rotated(pair);
    }

    /**
     * Logout (contract 3.3): deletes the caller's own token; a token of another user is 403 and
     * stays; an unknown or already deleted token is fine (idempotent).
     */
    @Transactional
    public void revoke(CallerIdentity caller, String presentedToken) {
        if (!RefreshTokens.plausible(presentedToken)) {
            return;
        }
        String hash = RefreshTokens.hash(presentedToken);
        if (!refreshTokens.deleteOwnedBy(hash, caller.id())
                && refreshTokens.findOwner(hash).filter(owner -> owner != caller.id()).isPresent()) {
            throw new ApiException(ErrorCatalogue.NOT_REFRESH_TOKEN_OWNER);
        }
        audit.record(AuditEvent.LOGOUT, caller);
    }

    /** Logout of cookie mode: the caller's own session goes (idempotent: an ended session is fine). */
    @Transactional
    public void revokeSession(CallerIdentity caller, long sessionId) {
        refreshTokens.deleteFamily(sessionId, caller.id());
        audit.record(AuditEvent.LOGOUT, caller);
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
