package com.mediahub.auth.session.control;

import java.time.OffsetDateTime;
import java.util.Optional;

import com.mediahub.audit.AuditEvent;
import com.mediahub.audit.SecurityAudit;
import com.mediahub.auth.session.control.RotationOutcome.Reason;
import com.mediahub.auth.session.entity.JpaRefreshTokenRepository;
import com.mediahub.auth.session.entity.ReplayedToken;
import com.mediahub.config.Settings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

/**
 * Why a presented refresh token was not live, and what follows. A token that was already consumed
 * is a replay: the immediately previous one within the grace window is merely refused; any other
 * revokes the session, since a thief or the victim is holding an old token.
 */
@ApplicationScoped
public class RefusedRotation {

    @Inject
    JpaRefreshTokenRepository refreshTokens;
    @Inject
    Settings settings;
    @Inject
    SecurityAudit audit;

    @Transactional // joins the step-by-step rotation's transaction, else runs in its own
    public RotationOutcome refuse(String hash, OffsetDateTime now) {
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
}
