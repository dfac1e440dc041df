package com.mediahub.auth.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mediahub.audit.AuditEvent;
import com.mediahub.auth.token.control.TokenPair;
import com.mediahub.auth.token.control.TokenRejectedException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;
import com.mediahub.testing.RecordingAudit;
import com.mediahub.testing.SteppedClock;

/**
 * Every outcome of a refresh (contract section 2), decided at times the test sets: no server, no
 * sleeping. Defaults: refresh tokens live 24 h, a session at most 720 h, the grace window is 10 s.
 */
class TokenRotationTest {

    private final SessionFixture fixture = new SessionFixture();
    private final SteppedClock clock = fixture.clock;
    private final InMemoryRefreshTokens store = fixture.store;
    private final RecordingAudit audit = fixture.audit;
    private final TokenService tokens = fixture.tokens;
    private TokenPair login;

    @BeforeEach
    void loggedIn() {
        login = tokens.issue(CallerIdentity.byPassword(7, "alice", Set.of("user")), "test-agent");
    }

    private RotationOutcome refresh(String token) {
        return tokens.rotate(token, "test-agent");
    }

    private static TokenPair rotated(RotationOutcome outcome) {
        return assertInstanceOf(RotationOutcome.Rotated.class, outcome, outcome.toString()).pair();
    }

    private static RotationOutcome.Reason refused(RotationOutcome outcome) {
        return assertInstanceOf(RotationOutcome.Refused.class, outcome, outcome.toString()).reason();
    }

    @Test
    void aLiveTokenIsConsumedAndItsSuccessorContinuesTheSession() {
        clock.advance(Duration.ofHours(1));
        TokenPair next = rotated(refresh(login.refreshToken()));
        assertEquals(login.sessionId(), next.sessionId());
        assertEquals(Duration.ofHours(24), next.refreshLifetime());
        assertEquals(1, store.liveCount(), "the consumed token is gone, one successor stored");
        assertEquals(List.of(AuditEvent.LOGIN_OK, AuditEvent.REFRESH_OK), audit.events());
    }

    @Test
    void thePreviousTokenInsideTheGraceWindowIsRefusedAndTheSessionLives() {
        TokenPair next = rotated(refresh(login.refreshToken()));
        clock.advance(Duration.ofSeconds(10)); // the window's last instant still counts
        assertEquals(RotationOutcome.Reason.REPLAY_WITHIN_GRACE, refused(refresh(login.refreshToken())));
        assertEquals(1, store.liveCount());
        rotated(refresh(next.refreshToken()));
        assertTrue(audit.events().contains(AuditEvent.REFRESH_REPLAY_WITHIN_GRACE), audit.events().toString());
    }

    @Test
    void thePreviousTokenAfterTheGraceWindowRevokesTheSession() {
        TokenPair next = rotated(refresh(login.refreshToken()));
        clock.advance(Duration.ofSeconds(11));
        assertEquals(RotationOutcome.Reason.REUSE_DETECTED, refused(refresh(login.refreshToken())));
        assertEquals(0, store.liveCount(), "the whole session is revoked");
        assertEquals(RotationOutcome.Reason.UNKNOWN, refused(refresh(next.refreshToken())), "its newest token too");
    }

    @Test
    void anOlderTokenEvenInsideTheGraceWindowRevokesTheSession() {
        TokenPair second = rotated(refresh(login.refreshToken()));
        rotated(refresh(second.refreshToken()));
        assertEquals(RotationOutcome.Reason.REUSE_DETECTED, refused(refresh(login.refreshToken())),
                "two links back is not the immediately previous token");
        assertEquals(0, store.liveCount());
    }

    @Test
    void anExpiredTokenIsRefusedAsUnknown() {
        clock.advance(Duration.ofHours(24));
        assertEquals(RotationOutcome.Reason.UNKNOWN, refused(refresh(login.refreshToken())), "expiry is exclusive");
        assertEquals(List.of(AuditEvent.LOGIN_OK), audit.events(), "nothing revoked, nothing rotated");
    }

    @Test
    void aTokenOneSecondBeforeItsExpiryStillRotates() {
        clock.advance(Duration.ofHours(24).minusSeconds(1));
        rotated(refresh(login.refreshToken()));
    }

    @Test
    void noSessionOutlivesTheFamilyMaximumHoweverOftenItRefreshes() {
        TokenPair current = login;
        for (int day = 1; day <= 29; day++) {
            clock.advance(Duration.ofHours(24).minusMinutes(1));
            current = rotated(refresh(current.refreshToken()));
        }
        // 29 days less 29 minutes have passed: 24 h 29 min remain, more than a token's lifetime.
        assertEquals(Duration.ofHours(24), current.refreshLifetime());
        clock.advance(Duration.ofHours(24).minusMinutes(1));
        current = rotated(refresh(current.refreshToken()));
        assertEquals(Duration.ofMinutes(30), current.refreshLifetime(), "capped at the family's absolute expiry");
        clock.advance(Duration.ofMinutes(29));
        current = rotated(refresh(current.refreshToken()));
        assertEquals(Duration.ofMinutes(1), current.refreshLifetime());
        clock.advance(Duration.ofMinutes(1));
        assertEquals(RotationOutcome.Reason.UNKNOWN, refused(refresh(current.refreshToken())), "720 h after the login");
    }

    @Test
    void aTokenThatWasNeverIssuedIsUnknownAndImplausibleOnesAreNotLookedUp() {
        assertEquals(RotationOutcome.Reason.UNKNOWN, refused(refresh("never-issued-never-issued-never-issued-xx")));
        assertEquals(1, store.consumeCalls);
        assertEquals(RotationOutcome.Reason.UNKNOWN, refused(refresh("")));
        assertEquals(RotationOutcome.Reason.UNKNOWN, refused(refresh("x".repeat(10_000))));
        assertEquals(1, store.consumeCalls, "neither the empty nor the 10,000-character token was looked up");
        assertEquals(1, store.liveCount());
    }

    @Test
    void theNewAccessTokenIsIssuedAtTheClocksTime() {
        clock.advance(Duration.ofHours(2));
        TokenPair next = rotated(refresh(login.refreshToken()));
        clock.advance(Duration.ofMinutes(5).plusSeconds(60)); // lifetime plus the allowed skew
        assertEquals(ErrorCatalogue.TOKEN_EXPIRED,
                assertThrows(TokenRejectedException.class, () -> tokens.minter.accessTokens.verify(next.accessToken())).error());
    }
}
