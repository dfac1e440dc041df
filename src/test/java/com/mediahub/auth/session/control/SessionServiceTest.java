package com.mediahub.auth.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.mediahub.audit.AuditEvent;
import com.mediahub.auth.session.entity.Session;
import com.mediahub.auth.token.control.TokenPair;
import com.mediahub.auth.token.control.TokenVersionCache;
import com.mediahub.config.AbuseLimits;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;
import com.mediahub.testing.RecordingAudit;
import com.mediahub.testing.SteppedClock;

/** Listing and ending sessions (contract 3.4, 3.5), with the clock and the stores in the test's hands. */
class SessionServiceTest {

    private final SessionFixture fixture = new SessionFixture(new AbuseLimits(3, 1, Duration.ofSeconds(1), 4));
    private final SteppedClock clock = fixture.clock;
    private final RecordingAudit audit = fixture.audit;
    private final TokenService tokens = fixture.tokens;
    private final SessionService sessions = fixture.sessions;
    private final TokenVersionCache versions = fixture.versions;
    private final CallerIdentity alice = CallerIdentity.byPassword(7, "alice", Set.of("user"));
    private final CallerIdentity bob = CallerIdentity.byPassword(8, "bob", Set.of("user"));

    private TokenPair login(CallerIdentity who) {
        TokenPair pair = tokens.issue(who, "agent of " + who.username());
        clock.advance(Duration.ofMinutes(1));
        return pair;
    }

    @Test
    void sessionsAreListedNewestFirstAndOnlyTheCallersOwn() {
        TokenPair first = login(alice);
        TokenPair second = login(alice);
        login(bob);
        List<Long> ids = sessions.sessionsOf(alice).stream().map(Session::id).toList();
        assertEquals(List.of(second.sessionId(), first.sessionId()), ids);
    }

    @Test
    void revokingAnotherUsersSessionIsNotFoundAndChangesNothing() {
        TokenPair bobs = login(bob);
        ApiException refused = assertThrows(ApiException.class, () -> sessions.revoke(alice, bobs.sessionId()));
        assertEquals(ErrorCatalogue.SESSION_NOT_FOUND, refused.error());
        assertEquals(1, sessions.sessionsOf(bob).size());
        assertFalse(audit.events().contains(AuditEvent.SESSION_REVOKED));
    }

    @Test
    void revokingOneSessionEndsItsRefreshOnly() {
        TokenPair first = login(alice);
        TokenPair second = login(alice);
        sessions.revoke(alice, first.sessionId());
        assertEquals(RotationOutcome.Reason.UNKNOWN,
                ((RotationOutcome.Refused) tokens.rotate(first.refreshToken(), "agent")).reason());
        assertTrue(tokens.rotate(second.refreshToken(), "agent") instanceof RotationOutcome.Rotated);
    }

    @Test
    void logoutAllEndsEverySessionAndEveryAccessTokenAtOnce() {
        TokenPair first = login(alice);
        login(alice);
        login(bob);
        int versionBefore = versions.current(7).orElseThrow();
        assertEquals(2, sessions.revokeAll(alice));
        assertEquals(List.of(), sessions.sessionsOf(alice));
        assertEquals(1, sessions.sessionsOf(bob).size(), "other users keep theirs");
        assertFalse(versions.accepts(7, versionBefore), "access tokens of the old version are refused here at once");
        assertEquals(RotationOutcome.Reason.UNKNOWN,
                ((RotationOutcome.Refused) tokens.rotate(first.refreshToken(), "agent")).reason());
    }

    @Test
    void pastTheSessionCapTheOldestSessionGoes() {
        TokenPair oldest = login(alice);
        login(alice);
        login(alice);
        login(alice); // the cap in this test is 3
        assertEquals(3, sessions.sessionsOf(alice).size());
        assertFalse(sessions.sessionsOf(alice).stream().anyMatch(s -> s.id() == oldest.sessionId()));
        assertTrue(audit.events().contains(AuditEvent.SESSION_EVICTED), audit.events().toString());
    }

    @Test
    void liveCountsLeaveOutExpiredTokens() {
        login(alice);
        login(bob);
        assertEquals(new SessionService.LiveCount(2, 2), sessions.countLive());
        clock.advance(Duration.ofHours(24));
        assertEquals(new SessionService.LiveCount(0, 0), sessions.countLive());
    }
}
