package com.mediahub.auth.session.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mediahub.audit.AuditEvent;
import com.mediahub.auth.session.entity.Session;
import com.mediahub.auth.token.control.AccessTokenService;
import com.mediahub.auth.token.control.TokenPair;
import com.mediahub.auth.token.control.TokenVersionCache;
import com.mediahub.auth.token.keys.SigningSecret;
import com.mediahub.config.AbuseLimits;
import com.mediahub.config.Settings;
import com.mediahub.platform.error.ApiException;
import com.mediahub.platform.error.ErrorCatalogue;
import com.mediahub.security.CallerIdentity;
import com.mediahub.testing.InMemoryUsers;
import com.mediahub.testing.RecordingAudit;
import com.mediahub.testing.SteppedClock;

/** Listing and ending sessions (contract 3.4, 3.5), with the clock and the stores in the test's hands. */
class SessionServiceTest {

    private static final Settings SETTINGS = Settings.defaults().withBcryptCost(4);

    private final SteppedClock clock = new SteppedClock();
    private final InMemoryRefreshTokens store = new InMemoryRefreshTokens();
    private final InMemoryUsers users = new InMemoryUsers();
    private final RecordingAudit audit = new RecordingAudit();
    private final TokenService tokens = new TokenService();
    private final SessionService sessions = new SessionService();
    private final TokenVersionCache versions = new TokenVersionCache(users, SETTINGS, clock);
    private final CallerIdentity alice = CallerIdentity.byPassword(7, "alice", Set.of("user"));
    private final CallerIdentity bob = CallerIdentity.byPassword(8, "bob", Set.of("user"));

    @BeforeEach
    void wire() {
        users.add(7, "alice", Set.of("user"));
        users.add(8, "bob", Set.of("user"));
        tokens.accessTokens = new AccessTokenService(SETTINGS, new SigningSecret("0123456789abcdef0123456789abcdef-test", "test"), clock);
        tokens.refreshTokens = store;
        tokens.users = users;
        tokens.settings = SETTINGS;
        tokens.limits = new AbuseLimits(3, 1, Duration.ofSeconds(1), 4);
        tokens.audit = audit;
        tokens.clock = clock;
        sessions.refreshTokens = store;
        sessions.users = users;
        sessions.tokenVersions = versions;
        sessions.audit = audit;
        sessions.clock = clock;
    }

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
