package com.mediahub.auth.session.control;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.auth.session.control.RotationOutcome.Reason;
import com.mediahub.auth.session.entity.ConsumeStatement;
import com.mediahub.auth.session.entity.ConsumedToken;
import com.mediahub.auth.session.entity.Family;
import com.mediahub.auth.session.entity.JpaRefreshTokenRepository;
import com.mediahub.auth.session.entity.RefreshToken;
import com.mediahub.auth.session.entity.RotatedToken;
import com.mediahub.auth.session.entity.ReplayedToken;
import com.mediahub.auth.token.control.AccessTokenService;
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
 * transaction. A login starts a token family (a session) with an absolute expiry; each rotation
 * consumes the presented token, remembers its hash, and stores one successor in the family.
 */
@ApplicationScoped
public class TokenService {

    static final int MAX_USER_AGENT = 256;

    @Inject
    AccessTokenService accessTokens;
    @Inject
    JpaRefreshTokenRepository refreshTokens;
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

    private final SecureRandom random = new SecureRandom();
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
        TokenPair pair = mint(user, Family.startingAt(now, now.plus(settings.sessionMax()), random), userAgent, now);
        audit.record(AuditEvent.LOGIN_OK, user.getId(), pair.sessionId());
        int evicted = refreshTokens.revokeSessionsBeyond(user.getId(), limits.maxSessionsPerUser(), now);
        if (evicted > 0) {
            audit.record(AuditEvent.SESSION_EVICTED, user.getId(), null);
        }
        return pair;
    }

    /**
     * Rotation. The presented token is consumed by one conditional DELETE that returns what its
     * successor inherits (the arbiter among concurrent refreshes, also across instances), its
     * hash is remembered, and one successor is stored. A token that was already consumed is a
     * replay: the immediately previous one within the grace window is merely refused; any other
     * revokes the session, since a thief or the victim is holding an old token.
     */
    @Transactional
    public RotationOutcome rotate(String presentedToken, String userAgent) {
        if (!RefreshTokens.plausible(presentedToken)) {
            return new RotationOutcome.Refused(Reason.UNKNOWN);
        }
        OffsetDateTime now = now();
        String hash = RefreshTokens.hash(presentedToken);
        if (consumeStatement.rotatesInOneStatement()) {
            return rotateInOneStatement(hash, userAgent, now);
        }
        Optional<ConsumedToken> consumed = refreshTokens.consume(hash, now);
        if (consumed.isEmpty()) {
            return refuse(hash, now);
        }
        refreshTokens.rememberConsumed(hash, consumed.get(), now);
        User user = users.findById(consumed.get().userId()).orElseThrow(); // the FK guarantees it
        TokenPair pair = mint(user, consumed.get().family().next(), userAgent, now);
        audit.record(AuditEvent.REFRESH_OK, user.getId(), pair.sessionId());
        return new RotationOutcome.Rotated(pair);
    }

    /**
     * PostgreSQL: consume, remember, store the successor and read the user in one statement, one
     * round trip instead of four (issue 17); the same outcome as the steps above.
     */
    private RotationOutcome rotateInOneStatement(String hash, String userAgent, OffsetDateTime now) {
        String successor = RefreshTokens.generate(random);
        Optional<RotatedToken> rotated = refreshTokens.rotate(hash, now, RefreshTokens.hash(successor),
                now.plus(settings.refreshDuration()), truncate(userAgent));
        if (rotated.isEmpty()) {
            return refuse(hash, now);
        }
        RotatedToken token = rotated.get();
        CallerIdentity caller = new CallerIdentity(token.userId(), token.username(), token.roles(), token.familyId());
        TokenPair pair = new TokenPair(accessTokens.issue(caller, token.tokenVersion(), now.toInstant()), successor,
                settings.accessDuration(), Duration.between(now, token.expiry()), token.familyId());
        audit.record(AuditEvent.REFRESH_OK, token.userId(), pair.sessionId());
        return new RotationOutcome.Rotated(pair);
    }

    private RotationOutcome refuse(String hash, OffsetDateTime now) {
        Optional<ReplayedToken> replayed = refreshTokens.findConsumed(hash);
        if (replayed.isEmpty()) {
            return new RotationOutcome.Refused(Reason.UNKNOWN);
        }
        ReplayedToken token = replayed.get();
        boolean immediatelyPrevious = refreshTokens.liveGeneration(token.familyId(), token.userId())
                .filter(live -> live == token.generation() + 1).isPresent();
        boolean withinGrace = !now.isAfter(token.consumedAt().plus(settings.reuseGrace()));
        if (immediatelyPrevious && withinGrace) {
            audit.record(AuditEvent.REFRESH_REPLAY_WITHIN_GRACE, token.userId(), token.familyId());
            return new RotationOutcome.Refused(Reason.REPLAY_WITHIN_GRACE);
        }
        refreshTokens.deleteFamily(token.familyId(), token.userId());
        audit.record(AuditEvent.REFRESH_REUSE_DETECTED, token.userId(), token.familyId());
        return new RotationOutcome.Refused(Reason.REUSE_DETECTED);
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

    private TokenPair mint(User user, Family family, String userAgent, OffsetDateTime now) {
        String refreshToken = RefreshTokens.generate(random);
        OffsetDateTime refreshExpiry = earliest(now.plus(settings.refreshDuration()), family.expiry());
        RefreshToken stored = refreshTokens.add(new RefreshToken(user.getId(), RefreshTokens.hash(refreshToken), now,
                refreshExpiry, family, truncate(userAgent)));
        CallerIdentity caller = new CallerIdentity(user.getId(), user.getUsername(), user.getRoles(), stored.getFamilyId());
        Instant issuedAt = now.toInstant();
        return new TokenPair(accessTokens.issue(caller, user.getTokenVersion(), issuedAt), refreshToken,
                settings.accessDuration(), Duration.between(now, refreshExpiry), stored.getFamilyId());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }

    private static String truncate(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        // Control characters go (a NUL is refused by PostgreSQL: review item 6, same class).
        String printable = userAgent.replaceAll("\\p{Cntrl}", "");
        return printable.length() <= MAX_USER_AGENT ? printable : printable.substring(0, MAX_USER_AGENT);
    }
}
