package com.mediahub.auth.token.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.mediahub.config.Settings;
import com.mediahub.testing.InMemoryUsers;
import com.mediahub.testing.SteppedClock;
import com.mediahub.users.events.PasswordChanged;
import com.mediahub.users.events.UserDeleted;

/**
 * The staleness bound of the security model: another instance's change is seen within
 * {@code user_cache_seconds} (default 5), this instance's own change at once.
 */
class TokenVersionCacheTest {

    private final SteppedClock clock = new SteppedClock();
    private final InMemoryUsers users = new InMemoryUsers();
    private final TokenVersionCache cache = new TokenVersionCache(users, Settings.defaults(), clock);

    @BeforeEach
    void aliceExists() {
        users.add(7, "alice", Set.of("user"));
    }

    @Test
    void aVersionIsReadOnceAndTrustedForTheCacheLifetime() {
        assertTrue(cache.accepts(7, 0));
        assertTrue(cache.accepts(7, 0));
        clock.advance(Duration.ofMillis(4_999));
        assertTrue(cache.accepts(7, 0));
        assertEquals(1, users.tokenVersionReads, "one database read within the lifetime");
    }

    @Test
    void anotherInstancesChangeIsSeenWhenTheLifetimeEnds() {
        assertTrue(cache.accepts(7, 0));
        users.bumpElsewhere(7);
        assertTrue(cache.accepts(7, 0), "stale within the bound");
        clock.advance(Duration.ofSeconds(5));
        assertFalse(cache.accepts(7, 0), "not a moment after it");
        assertTrue(cache.accepts(7, 1));
    }

    @Test
    void aClockSetBackDoesNotStretchTheBound() {
        assertTrue(cache.accepts(7, 0));
        users.bumpElsewhere(7);
        clock.advance(Duration.ofHours(-1)); // NTP or a restored VM sets the wall clock back
        assertFalse(cache.accepts(7, 0), "an answer from the future is asked again, not trusted for an hour more");
        assertEquals(2, users.tokenVersionReads);
    }

    @Test
    void thisInstancesPasswordChangeCountsAtOnce() {
        assertTrue(cache.accepts(7, 0));
        cache.onPasswordChanged(new PasswordChanged(7, 1));
        assertFalse(cache.accepts(7, 0));
        assertTrue(cache.accepts(7, 1));
    }

    @Test
    void aDeletedUserIsRefusedAtOnceHereAndForeverAfter() {
        assertTrue(cache.accepts(7, 0));
        cache.onUserDeleted(new UserDeleted(7));
        clock.advance(Duration.ofDays(365));
        assertFalse(cache.accepts(7, 0));
        clock.advance(Duration.ofDays(-730));
        assertFalse(cache.accepts(7, 0), "whichever way the clock goes");
        assertEquals(1, users.tokenVersionReads);
        assertEquals(Optional.empty(), cache.current(7));
    }

    @Test
    void aUserDeletedElsewhereIsRefusedWhenTheLifetimeEnds() {
        assertTrue(cache.accepts(7, 0));
        users.deleteElsewhere(7);
        clock.advance(Duration.ofSeconds(5));
        assertFalse(cache.accepts(7, 0));
    }
}
