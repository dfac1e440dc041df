package com.mediahub.auth.session.control;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;

import com.mediahub.auth.session.entity.Family;
import com.mediahub.auth.session.entity.JpaRefreshTokenRepository;
import com.mediahub.auth.session.entity.RefreshToken;
import com.mediahub.auth.session.entity.RotatedToken;
import com.mediahub.auth.token.control.AccessTokenService;
import com.mediahub.auth.token.control.SignIn;
import com.mediahub.auth.token.control.TokenPair;
import com.mediahub.config.Settings;
import com.mediahub.security.CallerIdentity;
import com.mediahub.users.entity.User;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Makes token pairs: a new refresh token (stored, for a login or a step-by-step rotation) with
 * its access token, or the access token for a successor that one rotation statement has already
 * stored. The refresh token's value leaves only in the pair; the database gets its hash.
 */
@ApplicationScoped
public class PairMinter {

    static final int MAX_USER_AGENT = 256;

    @Inject
    AccessTokenService accessTokens;
    @Inject
    JpaRefreshTokenRepository refreshTokens;
    @Inject
    Settings settings;

    private final SecureRandom random = new SecureRandom();

    /** A new session (family) starting now, for a login proven as {@code amr} says ({@code pwd otp}). */
    Family newFamily(OffsetDateTime now, String amr) {
        return Family.startingAt(now, now.plus(settings.sessionMax()), amr, random);
    }

    /** Stores a new refresh token of the family (in the caller's transaction) and returns the pair. */
    TokenPair mint(User user, Family family, String userAgent, OffsetDateTime now) {
        String refreshToken = newRefreshToken();
        OffsetDateTime refreshExpiry = earliest(now.plus(settings.refreshDuration()), family.expiry());
        RefreshToken stored = refreshTokens.add(new RefreshToken(user.getId(), RefreshTokens.hash(refreshToken), now,
                refreshExpiry, family, printable(userAgent), user.getTokenVersion()));
        CallerIdentity caller = new CallerIdentity(user.getId(), user.getUsername(), user.getRoles(), stored.getFamilyId());
        SignIn signIn = new SignIn(family.amr(), family.createdAt().toInstant());
        return new TokenPair(accessTokens.issue(caller, user.getTokenVersion(), now.toInstant(), signIn), refreshToken,
                settings.accessDuration(), Duration.between(now, refreshExpiry), stored.getFamilyId());
    }

    /** The pair for a successor already stored as {@code rotated}, whose value is {@code refreshToken}. */
    TokenPair pairFor(RotatedToken rotated, String refreshToken, OffsetDateTime now) {
        CallerIdentity caller = new CallerIdentity(rotated.userId(), rotated.username(), rotated.roles(), rotated.familyId());
        SignIn signIn = new SignIn(rotated.amr(), rotated.loginTime().toInstant());
        return new TokenPair(accessTokens.issue(caller, rotated.tokenVersion(), now.toInstant(), signIn), refreshToken,
                settings.accessDuration(), Duration.between(now, rotated.expiry()), rotated.familyId());
    }

    String newRefreshToken() {
        return RefreshTokens.generate(random);
    }

    /** The user agent as stored with a session: printable, at most 256 characters, absent when blank. */
    static String printable(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return null;
        }
        // Control characters go (a NUL is refused by PostgreSQL: review item 6, same class).
        String printable = userAgent.replaceAll("\\p{Cntrl}", "");
        return printable.length() <= MAX_USER_AGENT ? printable : printable.substring(0, MAX_USER_AGENT);
    }

    private static OffsetDateTime earliest(OffsetDateTime a, OffsetDateTime b) {
        return a.isBefore(b) ? a : b;
    }
}
