package com.mediahub.auth.control;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import com.mediahub.auth.entity.JpaRefreshTokenRepository;
import com.mediahub.auth.entity.RefreshToken;
import com.mediahub.config.Settings;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.entity.User;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Issues, rotates and revokes token pairs (contract 3.1 to 3.3). Each operation is one database
 * transaction; an exception rolls all of it back, so a failed rotation never leaves the old
 * token consumed without a successor, nor a successor without the old token consumed.
 */
@ApplicationScoped
public class TokenService {

    @Inject
    AccessTokenService accessTokens;
    @Inject
    JpaRefreshTokenRepository refreshTokens;
    @Inject
    JpaUserRepository users;
    @Inject
    Settings settings;

    private final SecureRandom random = new SecureRandom();
    private final Clock clock = Clock.systemUTC();

    /** A new pair for a caller who has just proven their password. */
    @Transactional
    public TokenPair issue(CallerIdentity caller) {
        return mint(caller, clock.instant());
    }

    /**
     * Rotation: the presented token is consumed by one conditional DELETE that returns its owner
     * (the arbiter among concurrent refreshes, also across instances), and its successor is
     * stored in the same transaction. Never read-then-write.
     */
    @Transactional
    public TokenPair rotate(String presentedToken) {
        if (!RefreshTokens.plausible(presentedToken)) {
            throw new ApiException(ErrorCatalogue.REFRESH_TOKEN_INVALID);
        }
        Instant now = clock.instant();
        OffsetDateTime nowUtc = now.atOffset(ZoneOffset.UTC);
        String hash = RefreshTokens.hash(presentedToken);
        long owner = refreshTokens.consume(hash, nowUtc)
                .orElseThrow(() -> new ApiException(ErrorCatalogue.REFRESH_TOKEN_INVALID));
        User user = users.findById(owner).orElseThrow(() -> new ApiException(ErrorCatalogue.REFRESH_TOKEN_INVALID));
        return mint(new CallerIdentity(user.getId(), user.getUsername(), user.getRoles()), now);
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
    }

    private TokenPair mint(CallerIdentity caller, Instant now) {
        String refreshToken = RefreshTokens.generate(random);
        OffsetDateTime created = now.atOffset(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
        refreshTokens.add(new RefreshToken(caller.id(), RefreshTokens.hash(refreshToken), created,
                created.plus(settings.refreshDuration())));
        return new TokenPair(accessTokens.issue(caller, now), refreshToken,
                settings.accessDuration(), settings.refreshDuration());
    }
}
