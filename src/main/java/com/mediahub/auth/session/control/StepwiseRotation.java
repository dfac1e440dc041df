package com.mediahub.auth.session.control;

import java.time.OffsetDateTime;
import java.util.Optional;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.auth.session.entity.ConsumedToken;
import com.mediahub.auth.session.entity.JpaRefreshTokenRepository;
import com.mediahub.auth.token.control.TokenPair;
import com.mediahub.users.entity.JpaUserRepository;
import com.mediahub.users.entity.User;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Rotation where the database cannot take it as one statement (H2, the embedded default): in one
 * JTA transaction, the presented token is consumed by one conditional DELETE that returns what
 * its successor inherits (the arbiter among concurrent refreshes), its hash is remembered, and
 * one successor is stored.
 */
@ApplicationScoped
public class StepwiseRotation {

    @Inject
    JpaRefreshTokenRepository refreshTokens;
    @Inject
    JpaUserRepository users;
    @Inject
    PairMinter minter;
    @Inject
    RefusedRotation refusal;
    @Inject
    SecurityAudit audit;

    @Transactional
    public RotationOutcome rotate(String hash, String userAgent, OffsetDateTime now) {
        Optional<ConsumedToken> consumed = refreshTokens.consume(hash, now);
        if (consumed.isEmpty()) {
            return refusal.refuse(hash, now);
        }
        refreshTokens.rememberConsumed(hash, consumed.get(), now);
        User user = users.findById(consumed.get().userId()).orElseThrow(); // the FK guarantees it
        TokenPair pair = minter.mint(user, consumed.get().family().next(), userAgent, now);
        audit.record(AuditEvent.REFRESH_OK, user.getId(), pair.sessionId());
        return new RotationOutcome.Rotated(pair);
    }
}
